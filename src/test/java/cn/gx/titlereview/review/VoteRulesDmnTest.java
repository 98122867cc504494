package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The vote rule lives in bpmn/VoteRules.dmn: a designer's change takes effect when it is deployed. */
@IntegrationTest
class VoteRulesDmnTest {

  @Autowired VoteRules voteRules;
  @Autowired ReviewService reviewService;
  @Autowired ReviewRepository reviews;
  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired RepositoryService repositoryService;

  @Test
  void theShippedTableIsTheNationalTwoThirdsRule() {
    assertThat(voteRules.forLevel("正高")).isEqualTo(VoteRule.TWO_THIRDS);
    assertThat(voteRules.forLevel("初级")).isEqualTo(VoteRule.TWO_THIRDS);
  }

  @Test
  void changingTheFractionInTheTableChangesAResult() throws IOException {
    ReviewSession session = fixture.sessionWithPanel();
    List<java.util.Map<String, Object>> votes = List.of(
        row("applicantNo", "SB01", "votersPresent", 11, "yes", 6, "no", 5, "abstain", 0));
    reviewService.importVotes(session, data.json(votes), "staff3");
    assertThat(reviews.votes(session.id()).values()).singleElement().extracting(ReviewRepository.VoteCount::passed)
        .isEqualTo(false);
    String changed;
    try (InputStream in = VoteRulesDmnTest.class.getResourceAsStream("/bpmn/VoteRules.dmn")) {
      changed = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("<outputEntry id=\"OutputEntry_PassNumerator\"><text>2</text>",
              "<outputEntry id=\"OutputEntry_PassNumerator\"><text>1</text>")
          .replace("<outputEntry id=\"OutputEntry_PassDenominator\"><text>3</text>",
              "<outputEntry id=\"OutputEntry_PassDenominator\"><text>2</text>")
          .replace("<outputEntry id=\"OutputEntry_PassRateCeiling\"><text></text>",
              "<outputEntry id=\"OutputEntry_PassRateCeiling\"><text>50</text>");
    }
    String deployment = repositoryService.createDeployment().addString("VoteRules.dmn", changed).deploy().getId();
    try {
      assertThat(voteRules.forLevel("正高").passText()).isEqualTo("1/2");
      assertThat(voteRules.forLevel("正高").passRateCeiling()).isEqualTo(50);
      reviewService.importVotes(session, data.json(votes), "staff3");
      assertThat(reviews.votes(session.id()).values()).singleElement().extracting(ReviewRepository.VoteCount::passed)
          .isEqualTo(true);
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
    assertThat(voteRules.forLevel("正高")).isEqualTo(VoteRule.TWO_THIRDS);
  }

  @Test
  void votesWithoutTheQuorumPresentAreRefused() {
    ReviewSession session = fixture.sessionWithPanel();
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB01", "votersPresent", 7, "yes", 7, "no", 0, "abstain", 0))), "staff3"))
        .hasMessageContaining("第 1 条「出席人数」：出席 7 人，不足评委会 11 人的 2/3，不能表决");
  }
}
