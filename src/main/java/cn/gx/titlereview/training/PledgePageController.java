package cn.gx.titlereview.training;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 附件2 for paper signing: one printable sheet per attending expert, with the year and the committee filled in.
 * It carries the experts' names, so only the session's staff and the supervisors may open it.
 */
@Controller
public class PledgePageController {

  private final SessionAccess access;
  private final ExpertDrawService drawService;

  public PledgePageController(SessionAccess access, ExpertDrawService drawService) {
    this.access = access;
    this.drawService = drawService;
  }

  @GetMapping("/sessions/{code}/pledges/experts")
  public String expertSheets(@PathVariable String code, Model model) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    model.addAttribute("year", session.reviewYear());
    model.addAttribute("committee", session.committeeName());
    model.addAttribute("experts", drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).toList());
    return "pledge-expert";
  }
}
