package cn.gx.titlereview.support;

import cn.gx.titlereview.platform.PlatformConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in the Spring tests: the system's, until a test sets a moment, which then stands still
 * until the test sets the next one. A whole session then runs on the plausible days of a real one (the draw before
 * the review, publicity after it, signatures after the archive) without waiting weeks, and on a year whose
 * working-day calendar ships. The engine's own clock is left alone: timers dated then are due now. Reset after use.
 */
@Component
@Primary
public class TestClock extends Clock {

  private volatile Instant fixed;

  /** From now on the application's time is {@code moment} (yyyy-MM-ddTHH:mm, China Standard Time). */
  public void set(String moment) {
    fixed = LocalDateTime.parse(moment).atZone(PlatformConfig.ZONE).toInstant();
  }

  public void reset() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant moment = fixed;
    return moment != null ? moment : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return PlatformConfig.ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(getZone()) ? this : Clock.fixed(instant(), zone);
  }
}
