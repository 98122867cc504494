package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.importing.Imported;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.web.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region over REST: the organization tree, the committee registry, accounts' organizations and grants. Each list
 * holds what the caller's organization stands towards; writes are checked by {@link RegionRegistry}. Imports take
 * a JSON array or an .xlsx (the same columns as the export), all or nothing.
 */
@RestController
class RegionController {

  private final RegionRegistry registry;
  private final RegionViews views;
  private final CurrentUser currentUser;

  RegionController(RegionRegistry registry, RegionViews views, CurrentUser currentUser) {
    this.registry = registry;
    this.views = views;
    this.currentUser = currentUser;
  }

  /** A grant asked for: which organization, why, for how long, and the inspection it serves if any. */
  record GrantRequest(String granteeCode, String purpose, String reason, LocalDate validFrom, LocalDate validTo,
      Long inspectionId) {
  }

  @GetMapping("/api/organizations")
  List<RegionViews.OrganizationView> organizations() {
    return views.organizations(signedIn());
  }

  @PostMapping("/api/organizations")
  Imported saveOrganizations(HttpServletRequest request) {
    return new Imported(registry.saveOrganizations(UploadReader.read(request), writer()));
  }

  @GetMapping("/api/organizations.xlsx")
  ResponseEntity<byte[]> organizationSheet() {
    return Downloads.xlsx("组织机构", views.organizationSheet(signedIn()));
  }

  @GetMapping("/api/committees")
  List<RegionViews.CommitteeView> committees() {
    return views.committees(signedIn());
  }

  @PostMapping("/api/committees")
  Imported saveCommittees(HttpServletRequest request) {
    return new Imported(registry.saveCommittees(UploadReader.read(request), writer()));
  }

  @GetMapping("/api/committees.xlsx")
  ResponseEntity<byte[]> committeeSheet() {
    return Downloads.xlsx("评委会名录", views.committeeSheet(signedIn()));
  }

  @GetMapping("/api/committees/{code}")
  RegionViews.CommitteeFile committee(@PathVariable String code) {
    return views.committeeFile(signedIn(), code);
  }

  @PostMapping("/api/committees/{code}/grants")
  @ResponseStatus(HttpStatus.CREATED)
  RegionViews.GrantView grant(@PathVariable String code, @RequestBody GrantRequest request) {
    Committee committee = views.readableCommittee(signedIn(), code);
    return views.grant(registry.grant(committee, request.granteeCode(), request.purpose(), request.reason(),
        request.validFrom(), request.validTo(), request.inspectionId(), currentUser.id()));
  }

  @DeleteMapping("/api/committees/{code}/grants/{id}")
  RegionViews.GrantView revoke(@PathVariable String code, @PathVariable long id) {
    Committee committee = views.readableCommittee(signedIn(), code);
    return views.grant(registry.revoke(committee, id, currentUser.id()));
  }

  @GetMapping("/api/accounts")
  List<RegionViews.AccountView> accounts() {
    return views.accounts(administrator());
  }

  @PostMapping("/api/accounts")
  Imported saveAccounts(HttpServletRequest request) {
    return new Imported(registry.saveAccounts(UploadReader.read(request), registry.accountKeeper(signedIn(),
        currentUser.groups())));
  }

  @GetMapping("/api/accounts.xlsx")
  ResponseEntity<byte[]> accountSheet() {
    return Downloads.xlsx("账号与组织", views.accountSheet(administrator()));
  }

  private String signedIn() {
    String user = currentUser.id();
    if (user == null) {
      throw new BusinessException(HttpStatus.UNAUTHORIZED, "未登录");
    }
    return user;
  }

  private String administrator() {
    return registry.accountKeeper(signedIn(), currentUser.groups()).userId();
  }

  private RegionRegistry.Writer writer() {
    return registry.writer(signedIn(), currentUser.groups());
  }
}
