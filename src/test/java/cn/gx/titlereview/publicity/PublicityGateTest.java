package cn.gx.titlereview.publicity;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.gate.Violation;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PublicityGateTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired TestData data;
  @Autowired PublicityRepository publicity;
  @Autowired PublicityGate gate;

  @Test
  void holdsWhenTheRoundRanItsPeriodAndEveryComplaintIsVerified() {
    ReviewSession session = opened(1, TODAY.minusDays(10), TODAY.minusDays(4));
    long id = publicity.addComplaint(session.id(), 1, "信件", "SB01", "反映业绩造假", "staff1", Instant.now());
    publicity.verify(session.id(), id, false, "经核实业绩真实", null, "supervisor1", Instant.now());
    assertThat(check(session, 1)).isEmpty();
  }

  @Test
  void failsWhileAComplaintOfTheRoundIsUnverified() {
    ReviewSession session = opened(1, TODAY.minusDays(10), TODAY.minusDays(4));
    long id = publicity.addComplaint(session.id(), 1, "电话", "SB02", "反映论文代写", "staff1", Instant.now());
    assertThat(check(session, 1)).extracting(Violation::subject, Violation::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("信访件 " + id + "（涉及申报人 SB02）", "尚未核查"));
  }

  @Test
  void aComplaintOfTheOtherRoundDoesNotHoldThisOne() {
    ReviewSession session = opened(2, TODAY.minusDays(10), TODAY.minusDays(4));
    publicity.addComplaint(session.id(), 1, "电话", null, "反映评审组织问题", "staff1", Instant.now());
    assertThat(check(session, 2)).isEmpty();
  }

  @Test
  void aComplaintReceivedBeforeAnyRoundOpenedMustBeVerifiedInTheFirstRound() {
    ReviewSession session = opened(1, TODAY.minusDays(10), TODAY.minusDays(4));
    long early = publicity.addComplaint(session.id(), null, "邮箱", null, "公示前收到的举报", "staff1", Instant.now());
    assertThat(check(session, 1)).extracting(Violation::subject).containsExactly("信访件 " + early);
  }

  @Test
  void failsBeforeThePeriodHasEnded() {
    ReviewSession session = opened(1, TODAY.minusDays(3), TODAY.plusDays(2));
    assertThat(check(session, 1)).extracting(Violation::finding)
        .containsExactly("公示期至 " + TODAY.plusDays(2) + " 尚未结束");
  }

  @Test
  void failsForAPeriodShorterThanFiveDays() {
    ReviewSession session = opened(1, TODAY.minusDays(10), TODAY.minusDays(7));
    assertThat(check(session, 1)).extracting(Violation::finding)
        .containsExactly(TODAY.minusDays(10) + " 至 " + TODAY.minusDays(7) + " 仅 4 天");
  }

  @Test
  void failsForARoundNeverOpened() {
    assertThat(check(data.session("正高"), 1)).extracting(Violation::finding).containsExactly("尚未发布");
  }

  @Test
  void resultsAreKeptPerRound() {
    assertThat(gate.resultKey(context(data.session("正高"), "publicityRound", 2L))).isEqualTo("publicity-2");
  }

  private ReviewSession opened(int round, LocalDate start, LocalDate end) {
    ReviewSession session = data.session("正高");
    publicity.saveRound(session.id(), new PublicityRound(round, start, end, "电话 0771-0000000", "staff1"),
        Instant.now());
    return session;
  }

  private List<Violation> check(ReviewSession session, int round) {
    return gate.check(context(session, "publicityRound", round));
  }
}
