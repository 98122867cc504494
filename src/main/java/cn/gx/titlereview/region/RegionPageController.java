package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The region's pages: the organization tree, the committee registry and one committee, accounts' organizations. */
@Controller
class RegionPageController {

  private final RegionViews views;
  private final RegionRegistry registry;
  private final Jurisdiction jurisdiction;
  private final CurrentUser currentUser;

  RegionPageController(RegionViews views, RegionRegistry registry, Jurisdiction jurisdiction,
      CurrentUser currentUser) {
    this.views = views;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.currentUser = currentUser;
  }

  @GetMapping("/region/organizations")
  String organizations(Model model) {
    model.addAttribute("organizations", views.organizations(signedIn(model)));
    return "region-organizations";
  }

  @GetMapping("/region/committees")
  String committees(Model model) {
    model.addAttribute("committees", views.committees(signedIn(model)));
    return "region-committees";
  }

  @GetMapping("/region/committees/{code}")
  String committee(@PathVariable String code, Model model) {
    String user = signedIn(model);
    RegionViews.CommitteeFile file = views.committeeFile(user, code);
    Committee committee = views.readableCommittee(user, code);
    Set<Capacity> standing = jurisdiction.capacities(user, committee);
    model.addAttribute("file", file);
    model.addAttribute("canGrant", currentUser.isIn(Groups.APPROVER)
        && (standing.contains(Capacity.APPROVER) || standing.contains(Capacity.SUPERVISING_OFFICE)));
    return "region-committee";
  }

  @GetMapping("/region/accounts")
  String accounts(Model model) {
    String user = signedIn(model);
    registry.accountKeeper(user, currentUser.groups());
    model.addAttribute("accounts", views.accounts(user));
    return "region-accounts";
  }

  /** The signed-in user, and what the navigation and forms offer them. */
  private String signedIn(Model model) {
    String user = currentUser.id();
    if (user == null) {
      throw new BusinessException(HttpStatus.UNAUTHORIZED, "未登录");
    }
    model.addAttribute("writer", registry.writerOf(user, currentUser.groups()).isPresent());
    model.addAttribute("administrator", currentUser.isIn(Groups.ADMIN) || currentUser.isIn(Groups.SECURITY_ADMIN));
    return user;
  }
}
