package cn.gx.titlereview.calendar;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.time.Clock;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: anyone may read a year; administrators enter next year's notice. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingDayCalendar calendar;
  private final CalendarRepository repository;
  private final CurrentUser currentUser;
  private final Clock clock;

  CalendarController(WorkingDayCalendar calendar, CalendarRepository repository, CurrentUser currentUser,
      Clock clock) {
    this.calendar = calendar;
    this.repository = repository;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/{year}")
  public YearNotice year(@PathVariable int year) {
    currentUser.requireAnyGroup(Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER);
    return repository.find(year).orElseThrow(() -> BusinessException.notFound(
        new MissingCalendarYearException(year).getMessage()));
  }

  /** {"source": "国务院办公厅关于2027年部分节假日安排的通知", "holidays": [...], "workdays": [...]} */
  @PutMapping("/{year}")
  public Map<String, Object> replace(@PathVariable int year, @RequestBody YearNotice notice) {
    String user = currentUser.requireAnyGroup(Groups.ADMIN);
    try {
      calendar.replaceYear(new YearNotice(year, notice.source(), notice.holidays(), notice.workdays()), user,
          clock.instant());
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest(e.getMessage());
    }
    return Map.of("year", year, "holidays", notice.holidays() == null ? 0 : notice.holidays().size(),
        "workdays", notice.workdays() == null ? 0 : notice.workdays().size());
  }
}
