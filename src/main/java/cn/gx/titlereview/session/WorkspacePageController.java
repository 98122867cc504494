package cn.gx.titlereview.session;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.platform.security.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 数据工作台: the uploads and lists a form in Tasklist cannot carry (Camunda Forms have no file picker), on one page
 * per session, calling the same /api endpoints as any other client. Linked from the Tasklist forms.
 */
@Controller
public class WorkspacePageController {

  private final SessionAccess access;

  public WorkspacePageController(SessionAccess access) {
    this.access = access;
  }

  @GetMapping("/sessions/{code}/workspace")
  public String workspace(@PathVariable String code, Model model) {
    boolean supervisor = access.isIn(Groups.SUPERVISOR);
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    model.addAttribute("reviewSession", session);
    model.addAttribute("supervisor", supervisor);
    model.addAttribute("user", access.userId());
    model.addAttribute("archiveItems", ArchiveItem.values());
    return "workspace";
  }
}
