package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.web.BusinessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 评委库 page: the library of one committee, its versions and health; the keeper imports and changes it here. */
@Controller
class LibraryPageController {

  private final LibraryReads reads;
  private final LibraryHealth health;
  private final LibraryAccess access;
  private final CurrentUser currentUser;

  LibraryPageController(LibraryReads reads, LibraryHealth health, LibraryAccess access, CurrentUser currentUser) {
    this.reads = reads;
    this.health = health;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/committees/{code}/library")
  String library(@PathVariable String code, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page, Model model) {
    if (currentUser.id() == null) {
      throw new BusinessException(HttpStatus.UNAUTHORIZED, "未登录");
    }
    LibraryReads.LibraryView view = reads.view(code, q, page);
    model.addAttribute("library", view);
    model.addAttribute("health", health.report(access.committee(code)));
    model.addAttribute("fields", LibraryService.FIELDS);
    return "library";
  }
}
