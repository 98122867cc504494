package cn.gx.titlereview.workflow;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the user tasks ({@code camunda:dueDate="${deadlines.…}"} in the models), from the session's plan and
 * the working-day calendar, so that Tasklist shows what is due and highlights what is late. A due date reminds; it
 * never stops a task: where the calendar has no notice for a year yet, weekends alone are skipped
 * ({@link WorkingDayCalendar#estimateNthWorkingDay}).
 */
@Component("deadlines")
public class TaskDeadlines {

  /** When an office day ends: a task due "in two working days" is due at this time of the second one. */
  static final LocalTime END_OF_OFFICE_DAY = LocalTime.of(18, 0);

  private final SessionRepository sessions;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final ReviewRules.Draw drawRules;

  public TaskDeadlines(SessionRepository sessions, WorkingDayCalendar calendar, Clock clock, ReviewRules rules) {
    this.sessions = sessions;
    this.calendar = calendar;
    this.clock = clock;
    this.drawRules = rules.draw();
  }

  /** The draw window opens (按规定时间抽取): applicants and roster must be in by then. */
  public Date drawWindowOpens(Number sessionId) {
    return at(drawRules.windowOpens(plan(sessionId).plannedReviewStart()), LocalTime.MIDNIGHT);
  }

  /** The review starts: the draw, the notifications, the pledges and the training are done before. */
  public Date reviewStarts(Number sessionId) {
    return at(plan(sessionId).plannedReviewStart(), LocalTime.MIDNIGHT);
  }

  /** The review's last day: the votes and the supervisor's discipline record are entered that day. */
  public Date reviewEnds(Number sessionId) {
    return at(plan(sessionId).plannedReviewEnd(), LocalTime.of(23, 59));
  }

  /** The end of the n-th working day after today. */
  public Date workingDays(int n) {
    return at(calendar.estimateNthWorkingDay(LocalDate.now(clock).plusDays(1), n), END_OF_OFFICE_DAY);
  }

  private ReviewSession plan(Number sessionId) {
    return sessions.get(sessionId.longValue());
  }

  private Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(clock.getZone()).toInstant());
  }
}
