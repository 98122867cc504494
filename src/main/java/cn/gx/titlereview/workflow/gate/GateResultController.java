package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GateResultController {

  private final SessionAccess access;
  private final GateResultRepository gateResults;

  GateResultController(SessionAccess access, GateResultRepository gateResults) {
    this.access = access;
    this.gateResults = gateResults;
  }

  /** Every gate result of the session, oldest first, with its violations. */
  @GetMapping("/api/sessions/{code}/gates")
  List<GateResult> gates(@PathVariable String code) {
    return gateResults.history(access.forGroups(code, SessionController.READERS).id());
  }
}
