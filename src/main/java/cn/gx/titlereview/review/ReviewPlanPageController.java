package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import cn.gx.titlereview.session.SessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 调整评审日期: the planned review days and their changes, and for the unit head the form that moves them (the review
 * gate names this page when recorded review times fall outside the plan).
 */
@Controller
class ReviewPlanPageController {

  private final SessionAccess access;
  private final SessionRepository sessions;

  ReviewPlanPageController(SessionAccess access, SessionRepository sessions) {
    this.access = access;
    this.sessions = sessions;
  }

  @GetMapping("/sessions/{code}/review-plan")
  public String page(@PathVariable String code, Model model) {
    ReviewSession session = access.forGroups(code, SessionController.READERS);
    model.addAttribute("reviewSession", session);
    model.addAttribute("changes", sessions.replans(session.id()));
    model.addAttribute("unitHead", access.isIn(Groups.UNIT_HEAD));
    return "review-plan";
  }
}
