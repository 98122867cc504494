package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RecordFormTest {

  @Autowired TestData data;
  @Autowired SessionFixture fixture;
  @Autowired RecordService records;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void aNewSessionsRecordGuessesNothing() {
    RecordForm form = records.form(data.session("正高"));
    assertThat(form.title()).isEqualTo("2026年测试评委会职称评审情况记录表");
    assertThat(items(form)).hasSize(36).allSatisfy(i -> assertThat(i.answer()).isEqualTo(Answer.NOT_REACHED));
    assertThat(form.basics().passed()).isNull();
    assertThat(form.basics().passRate()).isNull();
  }

  @Test
  void answersComeFromTheDataWithTheirEvidence() {
    ReviewSession session = fixture.sessionWithVotes();
    fixture.attest(session, "disciplineLobbyingFound", "no");
    RecordForm form = records.form(session);
    assertThat(item(form, "是否随机抽取").answer()).isEqualTo("是");
    assertThat(item(form, "是否随机抽取").evidence()).contains("可抽取专家 39 人");
    assertThat(item(form, "是否发现评委有请托现象").line()).isEqualTo("8.是否发现评委有请托现象（否）");
    assertThat(item(form, "是否发现评委有请托现象").evidence()).startsWith("supervisor1 于 ");
    assertThat(item(form, "是否有2名以上专家审阅同一申报者材料").answer()).isEqualTo("是");
    assertThat(item(form, "是否实行双人复核").answer()).isEqualTo(Answer.NOT_REACHED);
    // SB01..SB03 of five pass; SB01 and SB03 are 企业及其他 (odd numbers), SB02 体制内, SB05 ineligible (企业).
    assertThat(form.basics().applicants()).isEqualTo(5);
    assertThat(form.basics().passed()).isEqualTo(3);
    assertThat(form.basics().passRate()).isEqualTo("60.0%");
    assertThat(form.basics().passRatePublicInstitutions()).isEqualTo("50.0%");
    assertThat(form.basics().passRateEnterprises()).isEqualTo("66.7%");
  }

  @Test
  void anApplicantLeftWithOneReaderTurnsTwoReadersToNo() {
    ReviewSession session = fixture.sessionWithVotes();
    jdbc.sql("""
            delete from applicant_reader where expert_id = (select min(r.expert_id) from applicant_reader r
                join applicant a on a.id = r.applicant_id where a.session_id = :session and a.applicant_no = 'SB01')
            and applicant_id = (select id from applicant where session_id = :session and applicant_no = 'SB01')""")
        .param("session", session.id()).update();
    RecordForm.Item twoReaders = item(records.form(session), "是否有2名以上专家审阅同一申报者材料");
    assertThat(twoReaders.answer()).isEqualTo("否");
    assertThat(twoReaders.evidence()).isEqualTo("4 名进入评审的申报人中，3 人有 2 名以上审阅专家");
  }

  @Test
  void theArchiveKeyFingerprintIsShownButLeftOutOfWhatASignatureBinds() throws Exception {
    RecordForm form = records.form(data.session("中级"));
    assertThat(form.archiveKeyFingerprint()).startsWith("sm3:").hasSize(68);
    // The signed content has no fingerprint, and no key for it: records signed before it was shown still verify.
    assertThat(json.writeValueAsString(form.withArchiveKey(null))).doesNotContain("archiveKeyFingerprint");
  }

  private static List<RecordForm.Item> items(RecordForm form) {
    return form.sections().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.items().stream()).toList();
  }

  private static RecordForm.Item item(RecordForm form, String text) {
    return form.item(text).orElseThrow();
  }
}
