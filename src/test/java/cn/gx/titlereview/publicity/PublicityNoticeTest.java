package cn.gx.titlereview.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Documents;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round's notice lists the applicants who had passed when it opened: a pass revoked before the round is left out,
 * one revoked during the round stays on that round's notice (it was published so) and leaves the next.
 */
@IntegrationTest
class PublicityNoticeTest {

  @Autowired SessionFixture fixture;
  @Autowired PublicityRepository publicity;
  @Autowired PublicityNotice notices;
  @Autowired PublicityNoticeDocx docx;
  @Autowired RecheckRepository rechecks;
  @Autowired RecheckService recheckService;
  @Autowired cn.gx.titlereview.preparation.ApplicantRepository applicants;
  @Autowired Clock clock;

  @Test
  void eachRoundListsExactlyThePassesNotRevokedWhenItOpened() throws InterruptedException {
    // SB01..SB03 passed the vote; SB02's pass is revoked before round 1, SB03's during round 1.
    ReviewSession session = fixture.sessionWithVotes();
    revoke(session, "SB02");
    open(session, 1, LocalDate.of(2026, 3, 2));
    revoke(session, "SB03");
    open(session, 2, LocalDate.of(2026, 3, 9));

    PublicityNotice.Notice first = notices.of(session, 1);
    PublicityNotice.Notice second = notices.of(session, 2);
    assertThat(first.entries()).extracting(PublicityNotice.Entry::applicantNo).containsExactly("SB01", "SB03");
    assertThat(second.entries()).extracting(PublicityNotice.Entry::applicantNo).containsExactly("SB01");
    assertThat(recheckService.finallyPassed(session.id())).extracting(a -> a.applicantNo()).containsExactly("SB01");

    assertThat(first.periodText()).isEqualTo("2026年3月2日至2026年3月6日（共 5 个工作日）");
    assertThat(first.date()).isEqualTo("2026年3月2日");
    assertThat(first.issuer()).isEqualTo("南宁建设工程集团有限公司");
    assertThat(first.title()).isEqualTo("关于2026年度测试评委会评审通过人员的公示（第一次）");
    assertThat(first.body()).contains("申报人1等 2 名同志通过工程系列正高级职称评审", "（第一次公示）");

    String word = Documents.word(docx.write(first)).text();
    String pdf = Documents.pdf(notices.pdf(first)).text().replaceAll("\\s+", "");
    for (String text : List.of(word.replaceAll("\\s+", ""), pdf)) {
      assertThat(text).contains("申报人1", "申报人3", "电话0771-1234567", "南宁建设工程集团有限公司", "2026年3月2日", "共5个工作日")
          .doesNotContain("申报人2");
    }
    List<List<String>> list = Documents.sheet(notices.workbook(second), 0);
    assertThat(list).hasSize(2);
    assertThat(list.get(1)).containsExactly("1", "申报人1", "广西大学", "工程", "电气工程", "正高");
  }

  private void revoke(ReviewSession session, String applicantNo) throws InterruptedException {
    long id = applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals(applicantNo)).findFirst()
        .orElseThrow().id();
    rechecks.upsert(session.id(), id, RecheckRepository.COMPLAINT_ROUND, true, "信访核实：论文代写", "supervisor1",
        clock.instant());
    recheckService.dispose(session, applicantNo, RecheckFinding.REVOKED, "撤销通过", "supervisor1");
    Thread.sleep(20);
  }

  private void open(ReviewSession session, int round, LocalDate start) throws InterruptedException {
    publicity.saveRound(session.id(), new PublicityRepository.PublicityRound(round, start, start.plusDays(4),
        "电话 0771-1234567", "staff1"), clock.instant());
    Thread.sleep(20);
  }
}
