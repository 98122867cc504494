package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.PanelQuota;
import cn.gx.titlereview.review.ReviewService.AssignmentPlan;
import cn.gx.titlereview.review.ReviewService.ReviewPlan;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reader is a present member of the applicant's group, never from the applicant's employer, never recused: refused
 * when the plan is stored, naming applicant and expert, and caught again by the review gate when attendance changes
 * after the plan.
 */
@IntegrationTest
class ReaderRuleTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewService reviewService;
  @Autowired ReviewGate gate;
  @Autowired AttendanceService attendance;
  @Autowired ExpertDrawService drawService;
  @Autowired JdbcClient jdbc;

  @Test
  void theProposedPlanKeepsTheRuleAndIsAccepted() {
    ReviewSession session = fixture.sessionWithPanel();
    ReviewPlan plan = reviewService.proposePlan(session);
    reviewService.applyPlan(session, plan);
    assertThat(plan.assignments()).allMatch(a -> a.readers().size() == PanelQuota.READERS_PER_APPLICANT);
    assertThat(gate.check(context(session))).extracting(Violation::rule)
        .doesNotContain(ReaderRule.RULE, "2名以上专家审阅同一申报者材料");
  }

  @Test
  void aReaderFromTheApplicantsEmployerIsRefusedAndTheAutomaticPlanAvoidsThem() {
    ReviewSession session = fixture.sessionWithPanel();
    AssignmentPlan sb01 = assignment(reviewService.proposePlan(session), "SB01");
    String colleague = sb01.readers().get(0);
    jdbc.sql("update expert set employer = '广西大学' where session_id = ? and expert_code = ?")
        .params(session.id(), colleague).update();
    assertThatThrownBy(() -> reviewService.applyPlan(session, reviewService.proposePlan(session).withReaders(
        "SB01", List.of(colleague, sb01.readers().get(1)))))
        .hasMessageContaining("专家 " + colleague + " 与申报人 SB01 同属“广西大学”，须回避，不能审阅其材料");
    assertThat(assignment(reviewService.proposePlan(session), "SB01").readers()).doesNotContain(colleague);
  }

  @Test
  void aReaderMarkedAbsentIsRefusedAndTheGateCatchesAbsenceRecordedAfterThePlan() {
    ReviewSession session = fixture.sessionWithPanelWithoutAttendance();
    ReviewPlan plan = reviewService.proposePlan(session);
    reviewService.applyPlan(session, plan);
    String reader = assignment(plan, "SB02").readers().get(0);
    // The review's attendance, recorded after the plan: the reader did not come.
    List<Object> rows = new ArrayList<>();
    drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).forEach(d -> rows.add(row("expertCode",
        d.expertCode(), "present", !d.expertCode().equals(reader))));
    attendance.record(session, AttendanceService.REVIEW, data.json(rows), "staff1");
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .contains("专家 " + reader + " 登记为未出席评审，不能审阅申报人 SB02 的材料");
    assertThatThrownBy(() -> reviewService.applyPlan(session, plan))
        .hasMessageContaining("专家 " + reader + " 登记为未出席评审，不能审阅申报人 SB02 的材料");
    reviewService.applyPlan(session, reviewService.proposePlan(session));
    assertThat(gate.check(context(session))).extracting(Violation::rule).doesNotContain(ReaderRule.RULE);
  }

  private static AssignmentPlan assignment(ReviewPlan plan, String applicantNo) {
    return plan.assignments().stream().filter(a -> a.applicantNo().equals(applicantNo)).findFirst().orElseThrow();
  }
}
