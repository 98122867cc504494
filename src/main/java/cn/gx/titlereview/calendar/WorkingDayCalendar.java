package cn.gx.titlereview.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * China's working days (工作日): Monday to Friday, less the statutory holidays, plus the make-up working days (调休)
 * of each year's State Council notice. Counting into a year without a notice fails with
 * {@link MissingCalendarYearException}: a wrong count of publicity days would break the law quietly.
 */
@Service
public class WorkingDayCalendar {

  /** The longest run of days one question may span; keeps a typo (年份 2206) from looping for long. */
  private static final int MAX_SPAN_DAYS = 400;

  private final CalendarRepository calendar;

  public WorkingDayCalendar(CalendarRepository calendar) {
    this.calendar = calendar;
  }

  /** Working days from start to end, both included. */
  public int workingDaysBetween(LocalDate start, LocalDate end) {
    return count(start, end, new Years(false));
  }

  /** The date of the n-th working day counted from start (start itself counts if it is one). */
  public LocalDate nthWorkingDay(LocalDate start, int n) {
    return nth(start, n, new Years(false));
  }

  /**
   * As {@link #workingDaysBetween}, but a year without a notice counts Monday to Friday: for estimates shown to
   * people (how long a stage took), never for a period the law sets.
   */
  public int estimateWorkingDaysBetween(LocalDate start, LocalDate end) {
    return count(start, end, new Years(true));
  }

  /** As {@link #nthWorkingDay}, estimated the same way: for due dates, which remind and never stop a task. */
  public LocalDate estimateNthWorkingDay(LocalDate start, int n) {
    return nth(start, n, new Years(true));
  }

  private int count(LocalDate start, LocalDate end, Years years) {
    if (end.isBefore(start)) {
      return 0;
    }
    if (end.isAfter(start.plusDays(MAX_SPAN_DAYS))) {
      throw new IllegalArgumentException("时间跨度过大：" + start + " 至 " + end);
    }
    int count = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (years.isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  private LocalDate nth(LocalDate start, int n, Years years) {
    int count = 0;
    for (LocalDate d = start; !d.isAfter(start.plusDays(MAX_SPAN_DAYS)); d = d.plusDays(1)) {
      if (years.isWorkingDay(d) && ++count == n) {
        return d;
      }
    }
    throw new IllegalArgumentException("工作日数 " + n + " 过大");
  }

  /** Every recorded year's notice, oldest first. */
  public List<YearNotice> notices() {
    return calendar.years().stream().map(year -> calendar.find(year).orElseThrow()).toList();
  }

  /** Whether the State Council's notice of the year is recorded. */
  public boolean hasNotice(int year) {
    return calendar.years().contains(year);
  }

  public boolean isWorkingDay(LocalDate day) {
    return new Years(false).isWorkingDay(day);
  }

  /** Checks and stores one year's notice, replacing what was there. */
  public void replaceYear(YearNotice notice, String user, Instant at) {
    checkNotice(notice);
    Set<LocalDate> holidays = new HashSet<>(notice.holidays() == null ? List.of() : notice.holidays());
    calendar.replace(new YearNotice(notice.year(), notice.source().trim(), List.copyOf(holidays),
        notice.workdays() == null ? List.of() : notice.workdays()), user, at);
  }

  /** Refuses a notice that cannot be right ({@link IllegalArgumentException}, every problem named, in Chinese). */
  public void checkNotice(YearNotice notice) {
    List<String> problems = new ArrayList<>();
    if (notice.source() == null || notice.source().isBlank()) {
      problems.add("请填写依据（source），例如国务院办公厅通知的名称和文号");
    }
    Set<LocalDate> holidays = new HashSet<>(notice.holidays() == null ? List.of() : notice.holidays());
    for (LocalDate d : holidays) {
      if (d.getYear() != notice.year()) {
        problems.add("放假日期 " + d + " 不在 " + notice.year() + " 年内");
      }
    }
    for (LocalDate d : notice.workdays() == null ? List.<LocalDate>of() : notice.workdays()) {
      if (d.getYear() != notice.year()) {
        problems.add("调休上班日期 " + d + " 不在 " + notice.year() + " 年内");
      } else if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        problems.add("调休上班日期 " + d + " 不是周末，本来就是工作日");
      }
      if (holidays.contains(d)) {
        problems.add(d + " 既是放假日又是调休上班日");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
  }

  /** The years one question touches, each loaded once, when first reached. */
  private final class Years {

    private final Map<Integer, Map<LocalDate, String>> loaded = new HashMap<>();
    /** A year without a notice is weekdays only, instead of an error. */
    private final boolean estimate;
    private Set<Integer> known;

    Years(boolean estimate) {
      this.estimate = estimate;
    }

    boolean isWorkingDay(LocalDate day) {
      String kind = loaded.computeIfAbsent(day.getYear(), this::load).get(day);
      if (kind != null) {
        return CalendarRepository.WORKDAY.equals(kind);
      }
      return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, String> load(int year) {
      if (known == null) {
        known = new HashSet<>(calendar.years());
      }
      if (!known.contains(year)) {
        if (estimate) {
          return Map.of();
        }
        throw new MissingCalendarYearException(year);
      }
      return calendar.specialDays(year, year);
    }
  }
}
