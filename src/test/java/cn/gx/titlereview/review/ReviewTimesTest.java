package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 合理安排评审时间: minutes per applicant against the DMN minimum, and the unit head's justification below it. */
@IntegrationTest
class ReviewTimesTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewTimes reviewTimes;
  @Autowired ReviewGate gate;
  @Autowired AttestationRepository attestations;
  @Autowired ApplicantRepository applicants;
  @Autowired ReviewRepository reviews;

  @Test
  void minutesPerApplicantComeFromTheRecordedTimesAndTheMinimumFromTheDmn() {
    ReviewSession session = fixture.sessionWithVotes();
    ReviewTimes.Assessment assessment = reviewTimes.assess(session);
    assertThat(assessment.minimum()).isEqualTo(10);
    assertThat(assessment.times()).extracting(ReviewTimes.GroupTime::groupName, ReviewTimes.GroupTime::applicants,
        ReviewTimes.GroupTime::minutesPerApplicant).containsExactly(
            org.assertj.core.groups.Tuple.tuple("土木工程", 2, 90.0),
            org.assertj.core.groups.Tuple.tuple("电气工程", 2, 90.0));
    assertThat(violations(session)).isEmpty();
    assertThat(reviewTimes.minimum("初级")).isEqualTo(5);
  }

  @Test
  void aGroupWithoutRecordedTimesHoldsTheReviewGate() {
    ReviewSession session = fixture.sessionWithVotes();
    String day = session.plannedReviewStart().toString();
    reviewTimes.record(session, data.json(List.of(
        row("groupName", "土木工程", "startedAt", day + "T09:00", "endedAt", day + "T12:00"))), "staff3");
    assertThat(gate.check(context(session))).extracting(Violation::rule, Violation::subject, Violation::finding)
        .contains(org.assertj.core.groups.Tuple.tuple("合理安排评审时间", "评议组“电气工程”", "未登记评审开始和结束时间"));
  }

  @Test
  void shortTimesNeedTheUnitHeadsJustificationGivenAfterTheyWereRecorded() {
    ReviewSession session = fixture.sessionWithVotes();
    fixture.reviewTimes(session, "09:00", "09:10");
    assertThat(violations(session)).extracting(Violation::finding).containsExactly(
        "平均每名申报人 5.0 分钟，低于正高评审的下限 10 分钟，尚无组建单位负责人对本次登记时间的书面说明",
        "平均每名申报人 5.0 分钟，低于正高评审的下限 10 分钟，尚无组建单位负责人对本次登记时间的书面说明");
    assertThat(reviewTimes.assess(session).needsJustification()).isTrue();

    attestations.append(session.id(), ReviewTimes.JUSTIFICATION, "申报材料已由审阅专家提前一周审阅", "unithead1",
        Instant.now(), null);
    assertThat(violations(session)).isEmpty();
    assertThat(reviewTimes.assess(session).needsJustification()).isFalse();

    fixture.reviewTimes(session, "09:00", "09:12");
    assertThat(violations(session)).hasSize(2);
  }

  @Test
  void aBadRowRejectsTheFileWholeAndNamesRowAndColumn() {
    ReviewSession session = fixture.sessionWithVotes();
    String day = session.plannedReviewStart().toString();
    assertThatThrownBy(() -> reviewTimes.record(session, data.json(List.of(
        row("groupName", "土木工程", "startedAt", day + "T09:00", "endedAt", day + "T08:00"),
        row("groupName", "化学工程", "startedAt", day + "T09:00", "endedAt", "下午"))), "staff3"))
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
            "第 1 条「结束时间」：结束时间应晚于开始时间",
            "第 2 条「结束时间」：应为 yyyy-MM-ddTHH:mm 格式，实际为“下午”",
            "第 2 条「评议组」：“化学工程”不是本评审会的评议组（现有：土木工程、电气工程）"));
    assertThat(reviewTimes.assess(session).times()).hasSize(2);
  }

  @Test
  void aGroupCountsItsAssignedApplicantsWhoPassedTheEligibilityCheck() {
    Applicant eligible = applicant(1, Applicant.ELIGIBLE);
    Applicant alsoEligible = applicant(2, Applicant.ELIGIBLE);
    Applicant ineligible = applicant(3, Applicant.INELIGIBLE);
    Applicant readersOnly = applicant(4, Applicant.ELIGIBLE);
    Applicant unassigned = applicant(5, Applicant.ELIGIBLE);
    Map<Long, ReviewRepository.Assignment> assignments = Map.of(
        1L, new ReviewRepository.Assignment(1, "土木工程", Set.of(11L, 12L)),
        2L, new ReviewRepository.Assignment(2, "土木工程", Set.of()),
        3L, new ReviewRepository.Assignment(3, "电气工程", Set.of(13L)),
        4L, new ReviewRepository.Assignment(4, null, Set.of(14L)));
    assertThat(ReviewTimes.applicantsPerGroup(List.of(eligible, alsoEligible, ineligible, readersOnly, unassigned),
        assignments)).containsExactly(Map.entry("土木工程", 2L));
  }

  private static Applicant applicant(long id, String eligibility) {
    return new Applicant(id, "SB0" + id, "申报人" + id, "广西大学", Applicant.PUBLIC_INSTITUTION, "正高", "工程", "土木工程",
        eligibility, null);
  }

  /** The time rules as the review gate applies them, over the groups' applicants read from the database. */
  private List<Violation> violations(ReviewSession session) {
    return reviewTimes.violations(session,
        ReviewTimes.applicantsPerGroup(applicants.list(session.id()), reviews.assignments(session.id())));
  }
}
