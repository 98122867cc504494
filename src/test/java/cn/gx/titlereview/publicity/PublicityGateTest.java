package cn.gx.titlereview.publicity;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.calendar.MissingCalendarYearException;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PublicityGateTest {

  /** Monday 2 March 2026 to Friday 6 March: five working days, long past. */
  static final LocalDate START = LocalDate.of(2026, 3, 2);
  static final LocalDate END = LocalDate.of(2026, 3, 6);

  @Autowired TestData data;
  @Autowired PublicityRepository publicity;
  @Autowired PublicityGate gate;
  @Autowired PublicityPeriod period;
  @Autowired cn.gx.titlereview.recheck.RecheckRepository rechecks;
  @Autowired cn.gx.titlereview.preparation.ApplicantRepository applicants;

  @Test
  void holdsWhenTheRoundRanItsPeriodAndEveryComplaintIsVerified() {
    ReviewSession session = opened(1, START, END);
    long id = publicity.addComplaint(session.id(), 1, "信件", "SB01", "反映业绩造假", "staff1", Instant.now());
    publicity.verify(session.id(), id, false, "经核实业绩真实", null, "supervisor1", Instant.now());
    assertThat(check(session, 1)).isEmpty();
  }

  @Test
  void failsWhileAComplaintOfTheRoundIsUnverified() {
    ReviewSession session = opened(1, START, END);
    long id = publicity.addComplaint(session.id(), 1, "电话", "SB02", "反映论文代写", "staff1", Instant.now());
    assertThat(check(session, 1)).extracting(Violation::subject, Violation::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("信访件 " + id + "（涉及申报人 SB02）", "尚未核查"));
  }

  @Test
  void aComplaintOfTheOtherRoundDoesNotHoldThisOne() {
    ReviewSession session = opened(2, START, END);
    publicity.saveRound(session.id(), new PublicityRound(1, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9),
        "电话 0771-0000000", "staff1"), Instant.now());
    publicity.addComplaint(session.id(), 1, "电话", null, "反映评审组织问题", "staff1", Instant.now());
    assertThat(check(session, 2)).isEmpty();
  }

  @Test
  void aComplaintReceivedBeforeAnyRoundOpenedMustBeVerifiedInTheFirstRound() {
    ReviewSession session = opened(1, START, END);
    long early = publicity.addComplaint(session.id(), null, "邮箱", null, "公示前收到的举报", "staff1", Instant.now());
    assertThat(check(session, 1)).extracting(Violation::subject).containsExactly("信访件 " + early);
  }

  @Autowired PublicityDates dates;

  @Test
  void failsBeforeThePeriodHasEnded() {
    ReviewSession session = opened(1, START, END);
    Clock onTheLastDay = Clock.fixed(END.atTime(16, 0).atZone(PlatformConfig.ZONE).toInstant(), PlatformConfig.ZONE);
    assertThat(new PublicityGate(publicity, period, rechecks, applicants, dates, onTheLastDay).check(context(session, "publicityRound", 1)))
        .extracting(Violation::finding).containsExactly("公示期至 2026-03-06 尚未结束");
  }

  @Test
  void failsForAPeriodShorterThanFiveWorkingDays() {
    // Friday 6 March to Wednesday 11 March: six days, of which four are working days.
    ReviewSession session = opened(1, LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 11));
    assertThat(check(session, 1)).extracting(Violation::finding)
        .containsExactly("2026-03-06 至 2026-03-11 仅 4 个工作日");
  }

  @Test
  void aRoundReachingIntoAYearWithoutCalendarDataIsATechnicalFailureNotAGuess() {
    ReviewSession session = opened(2, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 8));
    assertThatThrownBy(() -> check(session, 2)).isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("2027 年的法定节假日和调休安排尚未录入");
  }

  @Test
  void aRoundOverNationalDayNeedsItsMakeUpSaturday() {
    ReviewSession shortRound = opened(1, LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 9));
    assertThat(check(shortRound, 1)).extracting(Violation::finding)
        .containsExactly("2026-09-29 至 2026-10-09 仅 4 个工作日");
    assertThat(period.earliestEnd(LocalDate.of(2026, 9, 29))).isEqualTo(LocalDate.of(2026, 10, 10));
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
