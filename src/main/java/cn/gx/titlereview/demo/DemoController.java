package cn.gx.titlereview.demo;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Demo profile only: {@code POST /api/demo/sessions/{code}/fill} does the open staff task's data work. */
@RestController
@Profile("demo")
class DemoController {

  private final SessionAccess access;
  private final DemoSessionFiller filler;

  DemoController(SessionAccess access, DemoSessionFiller filler) {
    this.access = access;
    this.filler = filler;
  }

  @PostMapping("/api/demo/sessions/{code}/fill")
  public Filled fill(@PathVariable String code) {
    ReviewSession session = access.forStaff(code);
    return new Filled(filler.fill(session, access.userId()));
  }

  /** What the demo filled in, in words. */
  public record Filled(String done) {
  }
}
