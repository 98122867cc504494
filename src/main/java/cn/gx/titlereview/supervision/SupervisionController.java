package cn.gx.titlereview.supervision;

import cn.gx.titlereview.platform.gate.GateResultRepository;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 监管视图: all sessions against the supervision plan, for the approving unit and administrators. */
@Controller
public class SupervisionController {

  private final SupervisionService supervision;
  private final SessionRepository sessions;
  private final GateResultRepository gateResults;
  private final CurrentUser currentUser;
  private final Clock clock;

  public SupervisionController(SupervisionService supervision, SessionRepository sessions,
      GateResultRepository gateResults, CurrentUser currentUser, Clock clock) {
    this.supervision = supervision;
    this.sessions = sessions;
    this.gateResults = gateResults;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/supervision")
  public String overview(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String level, @RequestParam(required = false) String unit, Model model) {
    currentUser.requireAnyGroup(Groups.APPROVER);
    List<SessionOverview> rows = supervision.overview(year, blankToNull(level), blankToNull(unit));
    model.addAttribute("rows", rows);
    model.addAttribute("now", clock.instant());
    model.addAttribute("year", year);
    model.addAttribute("level", level);
    model.addAttribute("unit", unit);
    model.addAttribute("levels", ReviewSession.LEVELS);
    model.addAttribute("units", sessions.organisingUnits());
    return "supervision";
  }

  @GetMapping("/supervision/sessions/{code}")
  public String session(@PathVariable String code, Model model) {
    currentUser.requireAnyGroup(Groups.APPROVER);
    ReviewSession session = sessions.getByCode(code);
    model.addAttribute("row", supervision.overview(session));
    model.addAttribute("now", clock.instant());
    model.addAttribute("gates", gateResults.history(session.id()));
    model.addAttribute("stages", supervision.stageTimes(session));
    return "supervision-session";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
