package cn.gx.titlereview.administration;

import cn.gx.titlereview.platform.audit.AuditKind;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计记录 (/audit): the audit administrator's page, the same question as {@code GET /api/audit}, in plain words. */
@Controller
class AuditPageController {

  private final AuditReading reading;

  AuditPageController(AuditReading reading) {
    this.reading = reading;
  }

  @GetMapping("/audit")
  String page(@RequestParam(required = false) String session, @RequestParam(required = false) String account,
      @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String check, Model model) {
    AuditReading.Question question = new AuditReading.Question(session, account, kind, from, to);
    model.addAttribute("question", question);
    model.addAttribute("kinds", List.of(AuditKind.values()));
    model.addAttribute("chain", check == null ? null : reading.check());
    model.addAttribute("found", reading.find(question, AuditReading.SHOWN));
    return "audit";
  }
}
