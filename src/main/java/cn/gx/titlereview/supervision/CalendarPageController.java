package cn.gx.titlereview.supervision;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作日历 (/calendar), for administrators: the years recorded, the warning when a year's notice is missing and which
 * sessions it will stop, and the forms to enter the State Council's notice or import it from a file. Both forms call
 * the calendar's API, whose checks are the same as {@code PUT /api/calendar/{year}}.
 */
@Controller
class CalendarPageController {

  private final WorkingDayCalendar calendar;
  private final NextYearNotice nextYearNotice;
  private final CurrentUser currentUser;
  private final Clock clock;

  CalendarPageController(WorkingDayCalendar calendar, NextYearNotice nextYearNotice, CurrentUser currentUser,
      Clock clock) {
    this.calendar = calendar;
    this.nextYearNotice = nextYearNotice;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/calendar")
  public String page(Model model) {
    currentUser.requireAnyGroup(Groups.SYSTEM_ADMIN);
    NextYearNotice.Missing missing = nextYearNotice.check().orElse(null);
    model.addAttribute("missingNotice", missing);
    model.addAttribute("notices", calendar.notices().stream()
        .sorted(java.util.Comparator.comparingInt(cn.gx.titlereview.calendar.YearNotice::year).reversed()).toList());
    model.addAttribute("year", missing != null ? missing.year() : LocalDate.now(clock).getYear() + 1);
    return "calendar";
  }
}
