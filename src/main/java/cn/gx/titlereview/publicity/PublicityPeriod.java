package cn.gx.titlereview.publicity;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.region.ReviewRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * 公示时间不少于5个工作日 (附件1 公示情况 2), counted on the working-day calendar, first and last day included.
 * The minimum is a setting ({@code titlereview.publicity.working-days}) that may raise it, never lower it below 5.
 */
@Component
public class PublicityPeriod {

  private final WorkingDayCalendar calendar;
  private final int minWorkingDays;

  public PublicityPeriod(WorkingDayCalendar calendar, ReviewRules rules) {
    this.calendar = calendar;
    this.minWorkingDays = rules.publicity().minWorkingDays();
  }

  public int minWorkingDays() {
    return minWorkingDays;
  }

  public int workingDays(LocalDate start, LocalDate end) {
    return calendar.workingDaysBetween(start, end);
  }

  /** The shortest lawful end for a round starting on start: its minimum-th working day. */
  public LocalDate earliestEnd(LocalDate start) {
    return calendar.nthWorkingDay(start, minWorkingDays);
  }

  /** A round ends when its last day is over. */
  public static Instant endsAt(LocalDate end, ZoneId zone) {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
