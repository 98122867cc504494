package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: doubling waits, the cap, the address count, forgetting. */
class LoginThrottleTest {

  private final MovingClock clock = new MovingClock();
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottle.Settings(3, 20, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15)), clock);

  @Test
  void afterTheFreeAttemptsEachFailureDoublesTheWaitUpToTheCapAndNeverLocksForGood() {
    for (int i = 0; i < 3; i++) {
      throttle.check("staff1", "10.0.0.1");
      throttle.failed("staff1", "10.0.0.1");
    }
    assertThatCode(() -> throttle.check("staff1", "10.0.0.1")).doesNotThrowAnyException();
    long[] waits = {1, 2, 4, 8, 16, 32, 60, 60};
    for (long wait : waits) {
      throttle.failed("staff1", "10.0.0.1");
      assertThatThrownBy(() -> throttle.check("staff1", "10.0.0.2")).isInstanceOf(LoginThrottledException.class)
          .hasMessage("登录失败次数过多，请 " + wait + " 秒后再试");
      clock.advance(Duration.ofSeconds(wait).plusMillis(1));
      assertThatCode(() -> throttle.check("staff1", "10.0.0.2")).doesNotThrowAnyException();
    }
    // A hundred more failures still end in a wait of a minute, after which the right password is checked again.
    for (int i = 0; i < 100; i++) {
      throttle.failed("staff1", "10.0.0." + (i % 5));
      clock.advance(Duration.ofSeconds(61));
    }
    assertThatCode(() -> throttle.check("staff1", "10.0.0.9")).doesNotThrowAnyException();
    throttle.succeeded("staff1");
    throttle.failed("staff1", "10.0.0.9");
    assertThatCode(() -> throttle.check("staff1", "10.0.0.9")).doesNotThrowAnyException();
  }

  @Test
  void oneAddressGuessingManyAccountsIsSlowedDownToo() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.0.0.7");
    }
    assertThatCode(() -> throttle.check("someone", "10.0.0.7")).doesNotThrowAnyException();
    throttle.failed("user20", "10.0.0.7");
    assertThatThrownBy(() -> throttle.check("someone", "10.0.0.7")).isInstanceOf(LoginThrottledException.class);
    assertThatCode(() -> throttle.check("someone", "10.0.0.8")).doesNotThrowAnyException();
  }

  @Test
  void failuresAreForgottenAfterAQuietPeriod() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("staff2", "10.0.0.3");
    }
    clock.advance(Duration.ofMinutes(16));
    assertThat(throttle.failed("staff2", "10.0.0.3")).isEqualTo(1);
  }

  /** A clock the test moves forward. */
  static final class MovingClock extends Clock {

    private Instant now = Instant.parse("2026-06-01T02:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
