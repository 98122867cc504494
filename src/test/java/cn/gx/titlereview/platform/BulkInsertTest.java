package cn.gx.titlereview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/** Bulk writes keep every character and stay all or nothing (COPY on PostgreSQL, a batch on H2). */
@IntegrationTest
class BulkInsertTest {

  @Autowired TestData data;
  @Autowired ApplicantRepository applicants;
  @Autowired TransactionTemplate transactions;

  @Test
  void textComesBackAsWrittenQuotesCommasLineBreaksBackslashesEmptyAndNull() {
    ReviewSession session = data.session("正高");
    List<Applicant> written = List.of(
        applicant("A-1", "他说\"好\"，然后,走了", "C:\\单位\\技术部", null),
        applicant("A-2", "第一行\n第二行\r\n第三行", "", "材料不全，\"学历\"待核"),
        applicant("A-3", "\\N", "NULL", ""));
    transactions.executeWithoutResult(status -> applicants.replaceAll(session.id(), written));

    assertThat(applicants.list(session.id())).extracting(Applicant::applicantNo, Applicant::name,
            Applicant::employer, Applicant::eligibilityReason)
        .containsExactly(
            tuple("A-1", "他说\"好\"，然后,走了", "C:\\单位\\技术部", null),
            tuple("A-2", "第一行\n第二行\r\n第三行", "", "材料不全，\"学历\"待核"),
            tuple("A-3", "\\N", "NULL", ""));
  }

  @Test
  void aRefusedRowLeavesTheTableAsItWas() {
    ReviewSession session = data.session("正高");
    transactions.executeWithoutResult(status -> applicants.replaceAll(session.id(),
        List.of(applicant("B-1", "原有", "单位", null))));

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> applicants.replaceAll(session.id(),
        List.of(applicant("B-2", "新一", "单位", null), applicant("B-2", "重复", "单位", null)))))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(applicants.list(session.id())).extracting(Applicant::name).containsExactly("原有");
  }

  private static Applicant applicant(String no, String name, String employer, String reason) {
    return new Applicant(0, no, name, employer, Applicant.PUBLIC_INSTITUTION, "正高", "工程", "电气", "通过", reason);
  }
}
