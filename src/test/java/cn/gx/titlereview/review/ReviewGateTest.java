package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.review.ReviewService.AssignmentPlan;
import cn.gx.titlereview.review.ReviewService.GroupPlan;
import cn.gx.titlereview.review.ReviewService.ReviewPlan;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ReviewGateTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewService reviewService;
  @Autowired ReviewGate gate;
  @Autowired DisciplineIncidents incidents;

  @Test
  void holdsWithGroupsOfThreeTwoReadersEachAVoteForEveryEligibleApplicantAndProperDiscipline() {
    ReviewSession session = reviewed();
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void theAutomaticPlanGivesEveryEligibleApplicantTwoReadersOfItsGroupAndSkipsTheIneligible() {
    ReviewSession session = fixture.sessionWithPanel();
    ReviewPlan plan = reviewService.proposePlan(session);
    assertThat(plan.groups()).extracting(GroupPlan::name).containsExactly("土木工程", "电气工程");
    assertThat(plan.assignments()).extracting(AssignmentPlan::applicantNo)
        .containsExactly("SB01", "SB02", "SB03", "SB04");
    assertThat(plan.assignments()).allSatisfy(a -> assertThat(a.readers()).hasSize(2));
  }

  @Test
  void failsForAGroupOfFewerThanThree() {
    ReviewSession session = reviewed();
    ReviewPlan plan = reviewService.proposePlan(session);
    List<GroupPlan> groups = new ArrayList<>(plan.groups());
    GroupPlan civil = groups.get(0);
    groups.set(0, new GroupPlan(civil.name(), civil.members().subList(0, 2)));
    List<AssignmentPlan> assignments = plan.assignments().stream()
        .map(a -> a.group().equals(civil.name()) ? new AssignmentPlan(a.applicantNo(), a.group(),
            civil.members().subList(0, 2)) : a).toList();
    reviewService.applyPlan(session, new ReviewPlan(groups, assignments));
    assertThat(gate.check(context(session))).extracting(Violation::rule, Violation::finding)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("每个评议组专家不少于3人", "仅有 2 名专家"));
  }

  @Test
  void failsForAnApplicantReadByOnlyOneExpert() {
    ReviewSession session = reviewed();
    ReviewPlan plan = reviewService.proposePlan(session);
    List<AssignmentPlan> assignments = new ArrayList<>(plan.assignments());
    AssignmentPlan first = assignments.get(0);
    assignments.set(0, new AssignmentPlan(first.applicantNo(), first.group(), first.readers().subList(0, 1)));
    reviewService.applyPlan(session, new ReviewPlan(plan.groups(), assignments));
    assertThat(gate.check(context(session))).extracting(Violation::rule, Violation::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("2名以上专家审阅同一申报者材料", "申报人 SB01 申报人1"));
  }

  @Test
  void failsForAnEligibleApplicantWithoutAVote() {
    ReviewSession session = reviewed();
    reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB01", "votersPresent", 11, "yes", 11, "no", 0, "abstain", 0))), "staff1");
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .containsExactly("没有表决结果", "没有表决结果", "没有表决结果");
  }

  @Test
  void lobbyingFoundHoldsTheGateUntilItsIncidentIsDisposed() {
    ReviewSession session = reviewed();
    fixture.attest(session, "disciplineLobbyingFound", "yes");
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .containsExactly("是否发现评委有请托现象：是，尚未登记违纪事件");
    incidents.open(session.id(), "disciplineLobbyingFound", "是否发现评委有请托现象", "supervisor1", Instant.now());
    long id = incidents.list(session.id()).get(0).id();
    assertThat(gate.check(context(session))).extracting(Violation::subject).containsExactly("违纪事件 " + id);
    incidents.dispose(session.id(), id, "申报人亲属托评委说情", "评委 E05", "E05 回避并记录，说情人移交纪检处理",
        "supervisor1", Instant.now());
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void failsWhenTheVenueWasNotClosedOrAnItemIsUnanswered() {
    ReviewSession session = fixture.sessionWithVotes();
    disciplined(session);
    fixture.attest(session, "disciplineClosedManagement", "no");
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .containsExactly("评审场所是否封闭管理：否");
    ReviewSession unanswered = fixture.sessionWithVotes();
    assertThat(gate.check(context(unanswered))).hasSize(12);
  }

  @Test
  void failsWithoutAPlenaryDeliberation() {
    ReviewSession session = reviewed();
    fixture.attest(session, "plenaryDeliberationHeld", "no");
    assertThat(gate.check(context(session))).extracting(Violation::rule, Violation::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("充分评议、集体表决", "是否组织全体评委集中审议：否（supervisor1 填报）"));
  }

  @Test
  void ineligibleApplicantsCannotBeAssignedOrVotedOn() {
    ReviewSession session = fixture.sessionWithPanel();
    ReviewPlan plan = reviewService.proposePlan(session);
    List<AssignmentPlan> withIneligible = new ArrayList<>(plan.assignments());
    withIneligible.add(new AssignmentPlan("SB05", plan.groups().get(0).name(), plan.assignments().get(0).readers()));
    assertThatThrownBy(() -> reviewService.applyPlan(session, new ReviewPlan(plan.groups(), withIneligible)))
        .hasMessageContaining("SB05 未通过资格审查，不得进入评审");
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB05", "votersPresent", 11, "yes", 11, "no", 0, "abstain", 0))), "staff1"))
        .hasMessageContaining("第 1 条「申报编号」：SB05 未通过资格审查，不得表决");
  }

  @Test
  void voteCountsMustAddUpToAtMostThoseVotingPresent() {
    ReviewSession session = fixture.sessionWithPanel();
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB01", "votersPresent", 11, "yes", 9, "no", 2, "abstain", 1),
        row("applicantNo", "SB02", "votersPresent", 11, "yes", -1, "no", 0, "abstain", 0))), "staff1"))
        .hasMessageContaining("第 1 条：赞成、反对、弃权合计 12 票，超过可表决的 11 人（出席 11 人）")
        .hasMessageContaining("等");
  }

  private ReviewSession reviewed() {
    ReviewSession session = fixture.sessionWithVotes();
    disciplined(session);
    return session;
  }

  private void disciplined(ReviewSession session) {
    ReviewGate.DISCIPLINE.forEach((key, item) -> fixture.attest(session, key, item.required() ? "yes" : "no"));
    ReviewGate.DELIBERATION.keySet().forEach(key -> fixture.attest(session, key, "yes"));
  }
}
