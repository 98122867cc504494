package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.context.Context;

/**
 * 附件2 sheets ({@link ExpertPledgeSheets}) as a printable page and as PDF. They carry the experts' names, so only the
 * session's staff and the supervisors may open them.
 */
@Controller
class PledgePageController {

  private final SessionAccess access;
  private final ExpertPledgeSheets sheets;

  PledgePageController(SessionAccess access, ExpertPledgeSheets sheets) {
    this.access = access;
    this.sheets = sheets;
  }

  @GetMapping("/sessions/{code}/pledges/experts")
  public String expertSheets(@PathVariable String code, Model model) {
    Context context = sheets.context(access.forConfidential(code, "评审专家工作守则（附件2）"), true);
    context.getVariableNames().forEach(n -> model.addAttribute(n, context.getVariable(n)));
    model.addAttribute("pdf", false);
    return ExpertPledgeSheets.TEMPLATE;
  }

  @GetMapping("/sessions/{code}/pledges/experts.pdf")
  public ResponseEntity<byte[]> expertSheetsPdf(@PathVariable String code) {
    ReviewSession session = access.forConfidential(code, "评审专家工作守则（附件2，PDF）");
    return Downloads.pdf(session.code() + "-评审专家工作守则", sheets.pdf(session, true));
  }

}
