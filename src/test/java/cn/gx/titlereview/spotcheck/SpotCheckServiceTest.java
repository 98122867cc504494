package cn.gx.titlereview.spotcheck;

import static cn.gx.titlereview.platform.crypto.HashAlgorithm.SM3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.ReproducibleDraw;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.support.Api;
import java.util.List;
import org.springframework.boot.test.web.server.LocalServerPort;
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
  @Autowired RecordService records;
  @LocalServerPort int port;

  @Test
  void theSampleIsTheRatioRoundedUpAndCanBeRecomputedFromItsSeed() {
    ReviewSession session = fixture.sessionWithVotes();
    SpotCheck check = draw(session, 50);
    // 3 passed applicants: 50% rounded up is 2.
    assertThat(check.items()).hasSize(2);
    assertThat(check.poolSize()).isEqualTo(3);
    assertThat(SpotCheckService.sample(List.of("SB01", "SB02", "SB03"), check.seedHex(), 2, SM3))
        .containsExactlyElementsOf(check.sample());
    assertThat(SpotCheckService.verify(check)).isEmpty();
  }

  /**
   * Commit, then reveal: before the ratio is set only the hashes of the pool and of the random bytes exist; the seed
   * is SM3(random bytes ‖ the approver's phrase); afterwards everything is revealed and recomputes, over the API
   * too; a revealed value changed afterwards no longer verifies.
   */
  @Test
  void theSampleIsCommittedBeforeItIsDrawnAndRevealedAfterwards() {
    ReviewSession session = fixture.sessionWithVotes();
    SpotCheck.Commitment commitment = spotChecks.commit(session);
    assertThat(commitment.pool()).containsExactly("SB01", "SB02", "SB03");
    assertThat(commitment.poolSha256()).isEqualTo(ReproducibleDraw.poolHash(List.of("SB03", "SB02", "SB01"), SM3));
    Api api = new Api(port);
    assertThat(api.get("/api/sessions/" + session.code() + "/spot-checks", "approver1").body())
        .contains("已承诺，待抽取", commitment.randomSha256()).doesNotContain(commitment.randomHex());
    assertThatThrownBy(() -> spotChecks.draw(session, 50, "短", "approver1")).hasMessageContaining("不少于 4 个字");

    SpotCheck check = spotChecks.draw(session, 50, "核准单位自拟短语", "approver1");
    assertThat(check.seedHex()).isEqualTo(ReproducibleDraw.seedHex(commitment.randomHex(), "核准单位自拟短语", SM3));
    String revealed = api.get("/api/sessions/" + session.code() + "/spot-checks", "supervisor1").body();
    assertThat(revealed).contains(commitment.randomHex(), "核准单位自拟短语", check.seedHex(), "\"problems\":[]");
    // Anyone recomputes the order with the draw's verifier: the sample is its first two.
    Api.Reply order = api.postJson("/api/draw/verify", "unithead1", "{\"seedHex\":\"" + check.seedHex()
        + "\",\"groups\":{\"抽查\":[\"SB01\",\"SB02\",\"SB03\"]}}");
    assertThat(order.body()).contains("\"抽查\":[\"" + check.sample().get(0) + "\",\"" + check.sample().get(1) + "\"");
    SpotCheck tampered = new SpotCheck(check.attempt(), check.ratioPercent(), check.seedHex(), check.poolSize(),
        check.drawnBy(), check.drawnAt(), check.items(), check.commitment(), "另一句短语");
    assertThat(SpotCheckService.verify(tampered)).containsExactly("随机种子不等于 SM3(随机数‖短语)");
    assertThat(records.form(session).afterSigning()).anyMatch(l -> l.contains(commitment.randomHex())
        && l.contains("按名单和种子复算一致"));
  }

  private SpotCheck draw(ReviewSession session, int ratio) {
    spotChecks.commit(session);
    return spotChecks.draw(session, ratio, "核准单位抽查", "approver1");
  }

  @Test
  void findingsNameOnlySampledApplicantsAndProblemsAboveTheThresholdFail() {
    ReviewSession session = fixture.sessionWithVotes();
    SpotCheck check = draw(session, 100);
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
    spotChecks.commit(session);
    assertThatThrownBy(() -> spotChecks.draw(session, 0, "核准单位抽查", "approver1")).hasMessageContaining("1 至 100");
  }
}
