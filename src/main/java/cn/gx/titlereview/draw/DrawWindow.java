package cn.gx.titlereview.draw;

import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * 按规定时间抽取并通知: the draw and every notification fall between the start of the day {@code window-days}
 * before the planned review start and the start of that day. Earlier draws leak names for longer; later ones leave
 * no time to replace declines. The window is a setting ({@code titlereview.draw.window-days}, default 3).
 */
@Component
public class DrawWindow {

  static final String RULE = "按规定时间抽取并通知";
  static final DateTimeFormatter TIME = PlatformConfig.MINUTES;

  private final ReviewRules.Draw rules;
  private final SessionRepository sessions;

  @Autowired
  public DrawWindow(ReviewRules rules, SessionRepository sessions) {
    this(rules.draw(), sessions);
  }

  private DrawWindow(ReviewRules.Draw rules, SessionRepository sessions) {
    this.rules = rules;
    this.sessions = sessions;
  }

  /** A window on sessions never re-planned (tests of the window alone). */
  public DrawWindow(int days) {
    this(new ReviewRules.Draw(days, 3), null);
  }

  /** The session as planned at the draw: a review re-planned afterwards does not move the draw's window. */
  public ReviewSession plannedAtDraw(ReviewSession session, Draw draw) {
    return sessions == null ? session : sessions.asPlannedAt(session, draw.drawnAt());
  }

  public Instant opens(ReviewSession session) {
    return rules.windowOpens(session.plannedReviewStart()).atStartOfDay(PlatformConfig.ZONE).toInstant();
  }

  public Instant closes(ReviewSession session) {
    return session.plannedReviewStart().atStartOfDay(PlatformConfig.ZONE).toInstant();
  }

  public String describe(ReviewSession session) {
    return "评审开始日 " + session.plannedReviewStart() + " 前 " + rules.windowDays() + " 天内（" + TIME.format(opens(session))
        + " 至 " + TIME.format(closes(session)) + "）";
  }

  public List<Violation> check(ReviewSession current, Draw draw, List<DrawnExpert> drawn) {
    ReviewSession session = plannedAtDraw(current, draw);
    List<Violation> violations = new ArrayList<>();
    Instant opens = opens(session);
    Instant closes = closes(session);
    if (draw.drawnAt().isBefore(opens) || !draw.drawnAt().isBefore(closes)) {
      violations.add(new Violation(RULE, "评审会 " + session.code(), "于 " + TIME.format(draw.drawnAt())
          + " 抽取，不在" + describe(session)));
    }
    for (DrawnExpert d : drawn) {
      if (d.notifiedAt() == null) {
        continue;
      }
      if (d.notifiedAt().isBefore(draw.drawnAt())) {
        violations.add(new Violation(RULE, d.label(), "通知时间 " + TIME.format(d.notifiedAt()) + " 早于抽取时间 "
            + TIME.format(draw.drawnAt())));
      } else if (!d.notifiedAt().isBefore(closes)) {
        violations.add(new Violation(RULE, d.label(), "通知时间 " + TIME.format(d.notifiedAt()) + " 不早于评审开始 "
            + TIME.format(closes)));
      }
    }
    return violations;
  }
}
