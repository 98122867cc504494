package cn.gx.titlereview.supervision;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.publicity.PublicityPeriod;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * A year without its working-day notice (国务院办公厅放假安排) is a fault that arrives every December: a session whose
 * publicity reaches into that year stops, by design, until an administrator enters the notice (附件1 公示情况 2 counts
 * working days; the system never guesses them). From 1 November, or at once when this year's own notice is missing,
 * this says which year is missing and which open sessions it will stop, for the supervision view, Cockpit's session tab,
 * the calendar page and the administrators' daily e-mail.
 */
@Service
public class NextYearNotice {

  /** The month from which next year's notice is expected (the State Council publishes it in late autumn). */
  static final Month WARN_FROM = Month.NOVEMBER;

  /** The missing year, and the open sessions whose publicity, as planned, reaches into it. */
  public record Missing(int year, List<ReviewSession> stopped) {

    /** The same warning naming only the sessions the reader may see (their committees' jurisdiction). */
    public Missing only(Predicate<ReviewSession> visible) {
      return new Missing(year, stopped.stream().filter(visible).toList());
    }

    /** The warning in plain words. */
    public String message() {
      return year + " 年的法定节假日安排（国务院办公厅放假通知）尚未录入工作日历。公示期按工作日计算，公示期将延伸到 "
          + year + " 年的评审会会在公示环节暂停，直到系统管理员录入该通知。"
          + (stopped.isEmpty() ? "目前没有受影响的评审会。"
              : "将受影响的评审会（" + stopped.size() + " 个）：" + String.join("、",
                  stopped.stream().map(s -> s.code() + " " + s.committeeName()).toList()) + "。");
    }
  }

  private final WorkingDayCalendar calendar;
  private final SessionRepository sessions;
  private final PublicityRepository publicity;
  private final PublicityPeriod period;
  private final Clock clock;

  NextYearNotice(WorkingDayCalendar calendar, SessionRepository sessions, PublicityRepository publicity,
      PublicityPeriod period, Clock clock) {
    this.calendar = calendar;
    this.sessions = sessions;
    this.publicity = publicity;
    this.period = period;
    this.clock = clock;
  }

  /** The year whose notice is missing and due, if any, with the sessions it will stop. */
  public Optional<Missing> check() {
    LocalDate today = LocalDate.now(clock);
    int year = !calendar.hasNotice(today.getYear()) ? today.getYear()
        : today.getMonth().compareTo(WARN_FROM) >= 0 && !calendar.hasNotice(today.getYear() + 1) ? today.getYear() + 1
        : 0;
    if (year == 0) {
      return Optional.empty();
    }
    return Optional.of(new Missing(year, sessions.open().stream()
        .filter(s -> publicityEnd(s, today).filter(end -> end.getYear() >= year).isPresent()).toList()));
  }

  /**
   * When the session's publicity will end: its last round's end, or, before any round, the minimum working days
   * after its planned review (estimated, weekdays in a year without a notice). Empty when publicity is over.
   */
  private Optional<LocalDate> publicityEnd(ReviewSession session, LocalDate today) {
    Optional<PublicityRound> last = publicity.rounds(session.id()).values().stream()
        .max(Comparator.comparingInt(PublicityRound::round));
    if (last.isPresent()) {
      return last.get().endDate().isBefore(today) ? Optional.empty() : Optional.of(last.get().endDate());
    }
    LocalDate reviewEnd = session.plannedReviewEnd() == null || session.plannedReviewEnd().isBefore(today) ? today
        : session.plannedReviewEnd();
    return Optional.of(calendar.estimateNthWorkingDay(reviewEnd.plusDays(1), period.minWorkingDays()));
  }
}
