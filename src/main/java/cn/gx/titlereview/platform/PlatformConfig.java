package cn.gx.titlereview.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, the time zone and the scheduler (the morning reminders, platform/reminder). */
@Configuration
@EnableScheduling
public class PlatformConfig {

  /** Review sessions run on China Standard Time; every date rule is counted in it. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** How pages and the record show a moment: to the minute, in {@link #ZONE}. */
  public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  @Bean
  public Clock clock() {
    return Clock.system(ZONE);
  }
}
