package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 合规检查记录: every gate run of one session with all its violations, for the session's own people. A
 * rectification task shows at most a screenful of violations; this page has the rest.
 */
@Controller
class GateHistoryPageController {

  private final SessionAccess access;
  private final GateResultRepository gateResults;
  private final PersonNames names;

  GateHistoryPageController(SessionAccess access, GateResultRepository gateResults, PersonNames names) {
    this.access = access;
    this.gateResults = gateResults;
    this.names = names;
  }

  @GetMapping("/sessions/{code}/gates")
  public String page(@PathVariable String code, Model model) {
    ReviewSession session = access.forGroups(code, SessionController.READERS);
    model.addAttribute("reviewSession", session);
    List<GateResult> newestFirst = new ArrayList<>(gateResults.history(session.id()));
    Collections.reverse(newestFirst);
    model.addAttribute("gates", newestFirst);
    model.addAttribute("people", names.book(GateResult.mentions(newestFirst)));
    return "gate-history";
  }
}
