package cn.gx.titlereview.workspace;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The whole list behind a 数据工作台 section: paged and searchable on a page, or all of it as .xlsx. */
@Controller
class SectionContentsController {

  private final SessionAccess access;
  private final SectionContents contents;

  SectionContentsController(SessionAccess access, SectionContents contents) {
    this.access = access;
    this.contents = contents;
  }

  @GetMapping("/sessions/{code}/workspace/{anchor}")
  public String page(@PathVariable String code, @PathVariable String anchor,
      @RequestParam(name = "q", defaultValue = "") String search,
      @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    WorkspaceSection section = section(anchor);
    model.addAttribute("reviewSession", session);
    model.addAttribute("section", section);
    model.addAttribute("search", search.strip());
    model.addAttribute("contents", contents.page(session.id(), section, search, page).orElseThrow());
    return "workspace-contents";
  }

  @GetMapping("/sessions/{code}/workspace/{anchor}.xlsx")
  public ResponseEntity<byte[]> workbook(@PathVariable String code, @PathVariable String anchor) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    WorkspaceSection section = section(anchor);
    SectionContents.Page all = contents.all(session.id(), section).orElseThrow();
    List<List<Object>> rows = all.rows().stream().<List<Object>>map(List::copyOf).toList();
    return Downloads.xlsx(session.code() + "-" + section.title(),
        Workbooks.write(Workbooks.Table.of(section.title(), all.headers(), rows)));
  }

  private static WorkspaceSection section(String anchor) {
    return WorkspaceSection.byAnchor(anchor).filter(SectionContents::lists)
        .orElseThrow(() -> BusinessException.notFound("数据工作台没有名为 " + anchor + " 的名单"));
  }
}
