package cn.gx.titlereview.expert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.TestClock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The links' rate limits: per client address across links, per link across addresses, each for its window. */
class LinkThrottleTest {

  private final TestClock clock = new TestClock();
  private final LinkThrottle throttle = new LinkThrottle(new ExpertSettings(null, false,
      new ExpertSettings.Links(null, 3, 5, Duration.ofMinutes(10)), null, null), clock);

  @Test
  void anAddressTryingManyLinksIsStoppedAtItsLimitUntilTheWindowPasses() {
    clock.set("2026-06-01T10:00");
    assertThat(IntStream.range(0, 5).allMatch(i -> throttle.allowAddress("203.0.113.7"))).isTrue();
    assertThat(throttle.allowAddress("203.0.113.7")).isFalse();
    assertThat(throttle.allowAddress("203.0.113.8")).isTrue();
    clock.set("2026-06-01T10:11");
    assertThat(throttle.allowAddress("203.0.113.7")).isTrue();
  }

  @Test
  void oneLinkAskedTooOftenIsStoppedWhateverTheAddress() {
    clock.set("2026-06-01T10:00");
    assertThat(IntStream.range(0, 3).allMatch(i -> throttle.allowLink("abc"))).isTrue();
    assertThat(throttle.allowLink("abc")).isFalse();
    assertThat(throttle.allowLink("abd")).isTrue();
  }
}
