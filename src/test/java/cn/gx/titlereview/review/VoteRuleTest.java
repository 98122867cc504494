package cn.gx.titlereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteRuleTest {

  @Test
  void exactlyTwoThirdsOfThoseVotingPresentPasses() {
    assertThat(VoteRule.passes(6, 9)).isTrue();
    assertThat(VoteRule.passes(16, 24)).isTrue();
  }

  @Test
  void oneVoteShortOfTwoThirdsFails() {
    assertThat(VoteRule.passes(5, 9)).isFalse();
    assertThat(VoteRule.passes(7, 11)).isFalse();
    assertThat(VoteRule.passes(8, 11)).isTrue();
  }

  @Test
  void nobodyPresentNeverPasses() {
    assertThat(VoteRule.passes(0, 0)).isFalse();
  }
}
