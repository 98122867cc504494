package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.record.RecordService;
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

/** A recused expert neither reads nor votes on that applicant, and every recusal is on the record. */
@IntegrationTest
class RecusalTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewService reviewService;
  @Autowired RecusalService recusalService;
  @Autowired ReviewRepository reviews;
  @Autowired ApplicantRepository applicants;
  @Autowired RecordService records;
  @Autowired ReviewGate gate;

  @Test
  void theAutomaticPlanNeverMakesARecusedExpertAReader() {
    ReviewSession session = fixture.sessionWithPanel();
    String reader = reviewService.proposePlan(session).assignments().get(0).readers().get(0);
    recuse(session, "SB01", reader, "师生关系", "本人声明");
    AssignmentPlan first = reviewService.proposePlan(session).assignments().get(0);
    assertThat(first.applicantNo()).isEqualTo("SB01");
    assertThat(first.readers()).hasSize(2).doesNotContain(reader);
  }

  @Test
  void anAdjustedPlanWithARecusedReaderIsRefusedAndTheGateCatchesOneStoredBefore() {
    ReviewSession session = fixture.sessionWithVotes();
    ReviewPlan plan = reviewService.proposePlan(session);
    String reader = plan.assignments().get(0).readers().get(0);
    recuse(session, "SB01", reader, "同单位", "工作人员发现");
    assertThatThrownBy(() -> reviewService.applyPlan(session, plan))
        .hasMessageContaining("专家 " + reader + " 已登记须回避申报人 SB01，不能审阅其材料");
    assertThat(gate.check(context(session))).extracting(Violation::rule, Violation::finding).contains(
        org.assertj.core.groups.Tuple.tuple(ReaderRule.RULE, "专家 " + reader + " 已登记须回避申报人 SB01，不能审阅其材料"));
  }

  @Test
  void recusedExpertsAreCountedOutOfTheVoters() {
    ReviewSession session = fixture.sessionWithPanel();
    List<String> members = reviewService.proposePlan(session).groups().get(0).members();
    recuse(session, "SB02", members.get(0), "近亲属", "本人声明");
    recuse(session, "SB02", members.get(1), "合作者", "工作人员发现");
    // 11 present, 2 recused: 6 yes of 9 eligible voters pass; 10 votes cannot be cast by 9 voters.
    reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB02", "votersPresent", 11, "yes", 6, "no", 3, "abstain", 0))), "staff3");
    assertThat(reviews.votes(session.id()).values()).singleElement()
        .extracting(ReviewRepository.VoteCount::passed).isEqualTo(true);
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB02", "votersPresent", 11, "yes", 6, "no", 4, "abstain", 0))), "staff3"))
        .hasMessageContaining("合计 10 票，超过可表决的 9 人（出席 11 人，其中须回避且出席的 2 人不表决）");
    assertThat(records.form(session).notes()).anyMatch(n -> n.startsWith("回避：专家 " + members.get(0))
        && n.contains("近亲属，本人声明"));
  }

  @Test
  void onlyConfiguredCategoriesAndAttendingExpertsAreAccepted() {
    ReviewSession session = fixture.sessionWithPanel();
    assertThatThrownBy(() -> recuse(session, "SB01", "E40", "老乡", "本人声明"))
        .isInstanceOf(ImportException.class)
        .satisfies(e -> assertThat(((ImportException) e).problems()).containsExactly(
            "第 1 条「专家编号」：E40 不是本评审会确认出席的评委",
            "第 1 条「回避情形」：应为 同单位 / 近亲属 / 师生关系 / 合作者 / 其他利害关系 之一，实际为“老乡”"));
  }

  private void recuse(ReviewSession session, String applicantNo, String expertCode, String category, String source) {
    List<java.util.Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("applicantNo", applicantNo, "expertCode", expertCode, "category", category, "source", source));
    recusalService.record(session, data.json(rows), "staff1");
  }
}
