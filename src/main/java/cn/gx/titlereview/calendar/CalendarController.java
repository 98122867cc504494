package cn.gx.titlereview.calendar;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The working-day calendar: anyone may read a year; administrators enter next year's notice, as JSON ({@code PUT}),
 * typed on the calendar page ({@code POST …/form}) or imported from a file ({@code POST /api/calendar/import}). All
 * three go through {@link WorkingDayCalendar#replaceYear}, the one check of a notice.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  /** What the calendar page's form sends: the days as typed, one field each (see {@link NoticeText}). */
  record NoticeForm(String source, String holidays, String workdays) {
  }

  /** A year stored: how many holidays and make-up working days it has. */
  record NoticeSaved(int year, int holidays, int workdays) {
  }

  private final WorkingDayCalendar calendar;
  private final CalendarRepository repository;
  private final CurrentUser currentUser;
  private final ObjectMapper json;
  private final Clock clock;

  CalendarController(WorkingDayCalendar calendar, CalendarRepository repository, CurrentUser currentUser,
      ObjectMapper json, Clock clock) {
    this.calendar = calendar;
    this.repository = repository;
    this.currentUser = currentUser;
    this.json = json;
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
  public NoticeSaved replace(@PathVariable int year, @RequestBody YearNotice notice) {
    String user = currentUser.requireAnyGroup(Groups.SYSTEM_ADMIN);
    return save(new YearNotice(year, notice.source(), notice.holidays(), notice.workdays()), user);
  }

  /** The calendar page's form: the same notice, its days typed as text. */
  @PostMapping("/{year}/form")
  public NoticeSaved enter(@PathVariable int year, @RequestBody NoticeForm form) {
    String user = currentUser.requireAnyGroup(Groups.SYSTEM_ADMIN);
    List<String> problems = new ArrayList<>();
    YearNotice notice = new YearNotice(year, form.source(), NoticeText.days(form.holidays(), "放假日期", problems),
        NoticeText.days(form.workdays(), "调休上班日期", problems));
    if (!problems.isEmpty()) {
      throw BusinessException.badRequest("未保存：" + String.join("；", problems));
    }
    return save(notice, user);
  }

  /**
   * A file of one year's notice, or of several (the shape of the calendar the product ships,
   * {@code calendar/cn-working-days.json}): every year is checked before any is stored.
   */
  @PostMapping("/import")
  public List<NoticeSaved> importFile(@RequestParam(value = "file", required = false) MultipartFile file) {
    String user = currentUser.requireAnyGroup(Groups.SYSTEM_ADMIN);
    if (file == null || file.isEmpty()) {
      throw BusinessException.badRequest("未收到文件：请选择放假安排文件（JSON）后再导入");
    }
    List<YearNotice> notices = new ArrayList<>();
    try {
      JsonNode root = json.readTree(file.getInputStream());
      for (JsonNode node : root.isArray() ? root : List.of(root)) {
        YearNotice notice = json.treeToValue(node, YearNotice.class);
        if (notice.year() < 2000 || notice.year() > 2100) {
          throw BusinessException.badRequest("文件中缺少年份（year），或年份 " + notice.year() + " 不在 2000 至 2100 之间");
        }
        notices.add(notice);
      }
    } catch (JsonProcessingException e) {
      throw BusinessException.badRequest("文件不是有效的放假安排：应为 JSON，含 year、source、holidays、workdays，"
          + "日期写作 \"2027-01-01\"");
    } catch (IOException e) {
      throw BusinessException.badRequest("文件无法读取，请重新选择后导入");
    }
    for (YearNotice notice : notices) {
      check(() -> calendar.checkNotice(notice));
    }
    return notices.stream().map(n -> save(n, user)).toList();
  }

  private NoticeSaved save(YearNotice notice, String user) {
    check(() -> calendar.replaceYear(notice, user, clock.instant()));
    return new NoticeSaved(notice.year(), notice.holidays() == null ? 0 : notice.holidays().size(),
        notice.workdays() == null ? 0 : notice.workdays().size());
  }

  private static void check(Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest(e.getMessage());
    }
  }
}
