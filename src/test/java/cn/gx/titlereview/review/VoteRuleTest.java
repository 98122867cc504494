package cn.gx.titlereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteRuleTest {

  private final VoteRule rule = VoteRule.TWO_THIRDS;

  @Test
  void exactlyTwoThirdsOfThoseVotingPresentPasses() {
    assertThat(rule.passes(6, 9)).isTrue();
    assertThat(rule.passes(16, 24)).isTrue();
  }

  @Test
  void oneVoteShortOfTwoThirdsFails() {
    assertThat(rule.passes(5, 9)).isFalse();
    assertThat(rule.passes(7, 11)).isFalse();
    assertThat(rule.passes(8, 11)).isTrue();
  }

  @Test
  void recusalsChangeTheDenominator() {
    // 11 present, 2 of them recused for this applicant: 6 yes of 9 eligible voters pass, 6 of 11 would not.
    assertThat(rule.passes(6, 9)).isTrue();
    assertThat(rule.passes(6, 11)).isFalse();
  }

  @Test
  void anEmptyCommitteeNeitherVotesNorPasses() {
    assertThat(rule.passes(0, 0)).isFalse();
    assertThat(rule.quorate(0, 0)).isFalse();
  }

  @Test
  void aPassRateAboveTheOptionalCeilingIsFlagged() {
    VoteRule withCeiling = new VoteRule(2, 3, 2, 3, 60);
    assertThat(withCeiling.aboveCeiling(3, 5)).isFalse();
    assertThat(withCeiling.aboveCeiling(31, 50)).isTrue();
    assertThat(rule.aboveCeiling(50, 50)).as("no ceiling by default").isFalse();
  }

  @Test
  void theQuorumIsTwoThirdsOfTheCommittee() {
    assertThat(rule.quorate(17, 25)).isTrue();
    assertThat(rule.quorate(16, 25)).isFalse();
    assertThat(rule.quorate(8, 11)).isTrue();
    assertThat(rule.quorate(7, 11)).isFalse();
  }
}
