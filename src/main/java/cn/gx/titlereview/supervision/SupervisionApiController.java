package cn.gx.titlereview.supervision;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import cn.gx.titlereview.workflow.gate.GateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision view's session list as JSON, for the approving unit and administrators: what Cockpit's
 * 评审会概况 tab on a process definition shows (where each session waits, and the gates that stop it).
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionApiController {

  /** One session: its stage and how long it has waited there, the gates failing now, open rectifications. */
  public record SessionState(String code, String committeeName, int reviewYear, String level, String stage,
      String waited, boolean ended, String processInstanceId, List<GateResult> failingGates,
      List<String> openRectifications) {
  }

  /**
   * Whether a year's working-day notice is missing and due ({@link NextYearNotice}): the year, the warning in plain
   * words, and the codes of the open sessions it will stop. {@code missing} false, and nothing else, when all is well.
   */
  public record CalendarNoticeState(boolean missing, Integer year, String message, List<String> stoppedSessions) {
  }

  private final SupervisionService supervision;
  private final NextYearNotice nextYearNotice;
  private final SessionAccess access;
  private final CurrentUser currentUser;
  private final Clock clock;

  SupervisionApiController(SupervisionService supervision, NextYearNotice nextYearNotice, SessionAccess access,
      CurrentUser currentUser, Clock clock) {
    this.supervision = supervision;
    this.nextYearNotice = nextYearNotice;
    this.access = access;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/sessions")
  public List<SessionState> sessions() {
    currentUser.requireAnyGroup(SupervisionService.SUPERVISORS);
    Instant now = clock.instant();
    return supervision.overview(null, null, null).stream().map(r -> new SessionState(r.session().code(),
        r.session().committeeName(), r.session().reviewYear(), r.session().level(), r.stage(), r.waited(now),
        r.ended(), r.session().processInstanceId(), r.failingGates(), r.openRectifications())).toList();
  }

  /** For Cockpit's session tab and anyone who works on sessions. */
  @GetMapping("/calendar-notice")
  public CalendarNoticeState calendarNotice() {
    currentUser.requireAnyGroup(SessionController.READERS);
    return nextYearNotice.check().map(m -> m.only(s -> access.mayRead(s, SessionController.READERS)))
        .map(m -> new CalendarNoticeState(true, m.year(), m.message(),
            m.stopped().stream().map(s -> s.code()).toList()))
        .orElse(new CalendarNoticeState(false, null, null, List.of()));
  }
}
