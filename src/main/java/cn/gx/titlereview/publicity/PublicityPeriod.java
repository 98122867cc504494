package cn.gx.titlereview.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * 公示时间不少于5个工作日 (附件1 公示情况 2). This first version counts calendar days, first and last inclusive;
 * the working-day calendar (weekends, holidays, 调休) replaces it in a later step.
 */
public final class PublicityPeriod {

  public static final int MIN_DAYS = 5;

  private PublicityPeriod() {
  }

  public static long days(LocalDate start, LocalDate end) {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** A round ends when its last day is over. */
  public static Instant endsAt(LocalDate end, ZoneId zone) {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
