package cn.gx.titlereview.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The funnel's limits against a hand-worked example. Peers' rate p = 0.6, a committee of n = 150 applicants:
 * p(1−p)/n = 0.24 / 150 = 0.0016, whose square root is 0.04 exactly. 95 %: 0.6 ± 1.959964 × 0.04 = 0.6 ± 0.0784, so
 * 0.5216 to 0.6784 (78 to 102 of 150 passed). 99.8 %: 0.6 ± 3.090232 × 0.04 = 0.6 ± 0.1236, so 0.4764 to 0.7236
 * (71 to 108 of 150).
 */
class FunnelTest {

  private static final int MIN = 30;
  private final Funnel.Limits limits = Funnel.limits(0.6, 150);

  @Test
  void theLimitsAreThoseWorkedByHand() {
    assertThat(limits.lower95()).isCloseTo(0.5216, within(0.0001));
    assertThat(limits.upper95()).isCloseTo(0.6784, within(0.0001));
    assertThat(limits.lower998()).isCloseTo(0.4764, within(0.0001));
    assertThat(limits.upper998()).isCloseTo(0.7236, within(0.0001));
  }

  @Test
  void aCommitteeOutsideTheOuterLimitsIsFlaggedAbnormalOnEitherSide() {
    assertThat(limits.flag(70, MIN)).isEqualTo(Funnel.Flag.ABNORMAL);   // 46.7 % < 47.64 %
    assertThat(limits.flag(110, MIN)).isEqualTo(Funnel.Flag.ABNORMAL);  // 73.3 % > 72.36 %
    assertThat(Funnel.Flag.ABNORMAL.label()).isEqualTo("通过率异常");
  }

  @Test
  void aCommitteeBetweenTheLimitsIsWatchedAndOneInsideIsNotFlagged() {
    assertThat(limits.flag(75, MIN)).isEqualTo(Funnel.Flag.WATCH);      // 50.0 %: inside 99.8 %, outside 95 %
    assertThat(limits.flag(105, MIN)).isEqualTo(Funnel.Flag.WATCH);     // 70.0 %
    assertThat(limits.flag(79, MIN)).isNull();                          // 52.7 %
    assertThat(limits.flag(90, MIN)).isNull();                          // 60.0 %
    assertThat(limits.flag(101, MIN)).isNull();                         // 67.3 %
  }

  @Test
  void aCommitteeWithFewerApplicantsThanTheMinimumIsNeverFlagged() {
    Funnel.Limits small = Funnel.limits(0.6, 20);
    assertThat(small.flag(20, MIN)).isNull();
    assertThat(small.flag(0, MIN)).isNull();
    assertThat(small.flag(20, 20)).isEqualTo(Funnel.Flag.ABNORMAL);
  }

  @Test
  void theLimitsStayBetweenNoneAndAll() {
    Funnel.Limits tiny = Funnel.limits(0.95, 5);
    assertThat(tiny.upper998()).isEqualTo(1.0);
    assertThat(Funnel.limits(0.05, 5).lower998()).isEqualTo(0.0);
  }
}
