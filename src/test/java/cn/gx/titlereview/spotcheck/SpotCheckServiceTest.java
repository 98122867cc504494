package cn.gx.titlereview.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.SeededOrder;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SpotCheckServiceTest {

  @Autowired SessionFixture fixture;
  @Autowired SpotCheckService spotChecks;
  @Autowired RecheckService recheckService;

  @Test
  void theSampleIsTheRatioRoundedUpAndCanBeRecomputedFromItsSeed() {
    ReviewSession session = fixture.sessionWithVotes();
    SpotCheck check = spotChecks.draw(session, 50, "approver1");
    // 3 passed applicants: 50% rounded up is 2.
    assertThat(check.items()).hasSize(2);
    assertThat(check.poolSize()).isEqualTo(3);
    assertThat(SpotCheckService.sample(recheckService.finallyPassed(session.id()), SeededOrder.seed(check.seedHex()), 2))
        .containsExactlyElementsOf(check.items().stream().map(SpotCheck.Item::applicantId).toList());
  }

  @Test
  void findingsNameOnlySampledApplicantsAndProblemsAboveTheThresholdFail() {
    ReviewSession session = fixture.sessionWithVotes();
    SpotCheck check = spotChecks.draw(session, 100, "approver1");
    assertThat(spotChecks.passes(check)).as("nothing recorded yet").isFalse();
    assertThatThrownBy(() -> spotChecks.recordFindings(session, "SB04 未通过的人不在抽查范围\n" + check.items().get(0)
        .applicantNo(), "approver1"))
        .hasMessageContaining("第 1 行：SB04 不是本次抽查对象").hasMessageContaining("第 2 行：请在申报编号后写明问题");
    SpotCheck clean = spotChecks.recordFindings(session, "", "approver1");
    assertThat(clean.recorded()).isEqualTo(3);
    assertThat(spotChecks.passes(clean)).isTrue();
    SpotCheck withProblem = spotChecks.recordFindings(session,
        check.items().get(1).applicantNo() + " 业绩材料与原件不符", "approver1");
    assertThat(withProblem.problems()).isEqualTo(1);
    assertThat(spotChecks.passes(withProblem)).isFalse();
  }

  @Test
  void theRatioMustBeAPercentage() {
    ReviewSession session = fixture.sessionWithVotes();
    assertThatThrownBy(() -> spotChecks.draw(session, 0, "approver1")).hasMessageContaining("1 至 100");
  }
}
