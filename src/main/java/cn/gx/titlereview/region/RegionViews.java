package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.platform.web.BusinessException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * What the region's lists, pages and exports show, to whom: an organization reads its own subtree and the line
 * above it, and the committees it stands towards; administrators read everything. Exports carry the import's
 * columns, so that a sheet downloaded, corrected and uploaded again changes exactly what was corrected.
 */
@Component
public class RegionViews {

  /** One organization as lists show it. */
  public record OrganizationView(String code, String name, String kind, String kindLabel, String parentCode,
      int depth, boolean migrated) {
  }

  /** One committee as lists show it, with the names of its units. */
  public record CommitteeView(String code, String name, String level, String series, List<String> specialties,
      String organisingUnitCode, String organisingUnitName, String approvingUnitCode, String approvingUnitName,
      String industryDepartmentCode, String industryDepartmentName, boolean selfManaged, String approvalNo,
      LocalDate validFrom, LocalDate validTo, String status, String statusLabel, String statusReason,
      boolean migrated) {
  }

  /** One grant: to whom, why, for how long, and whether it is in force today. */
  public record GrantView(long id, String committeeCode, String granteeCode, String granteeName, String purpose,
      String reason, LocalDate validFrom, LocalDate validTo, Long inspectionId, String grantedBy, Instant grantedAt,
      String revokedBy, Instant revokedAt, boolean inForce) {

    /** 「交叉检查：桂林市职改办，2026-12-01 至 2026-12-31（staff1 授权）」, as the record and pages say it. */
    public String describe() {
      return purpose + "：授权" + granteeName + "（" + granteeCode + "）查阅，" + validFrom + " 至 " + validTo
          + (revokedAt != null ? "，已撤销" : inForce ? "，现行有效" : "") + "（" + reason + "）";
    }
  }

  /** A committee with the grants that opened it, and what the reader's organization is to it. */
  public record CommitteeFile(CommitteeView committee, List<String> standing, List<GrantView> grants) {
  }

  /** One account: its organization and its roles there. */
  public record AccountView(String userId, String name, String organizationCode, String organizationName,
      List<String> roles, List<String> roleLabels) {
  }

  private final Jurisdiction jurisdiction;
  private final RegionRegistry registry;
  private final RegionRepository repository;
  private final CurrentUser currentUser;
  private final IdentityService identityService;
  private final SystemAuthority system;

  RegionViews(Jurisdiction jurisdiction, RegionRegistry registry, RegionRepository repository,
      CurrentUser currentUser, IdentityService identityService, SystemAuthority system) {
    this.jurisdiction = jurisdiction;
    this.registry = registry;
    this.repository = repository;
    this.currentUser = currentUser;
    this.identityService = identityService;
    this.system = system;
  }

  /** The tree as the user reads it, parents before children. */
  public List<OrganizationView> organizations(String user) {
    Region region = jurisdiction.region();
    Set<Long> readable = readableOrganizations(user, region);
    Map<Long, List<Organization>> children = region.organizations().stream().filter(o -> o.parentId() != null)
        .collect(Collectors.groupingBy(Organization::parentId));
    List<OrganizationView> views = new ArrayList<>();
    region.organizations().stream().filter(o -> o.parentId() == null)
        .forEach(root -> walk(root, 0, children, readable, region, views));
    return views;
  }

  private void walk(Organization o, int depth, Map<Long, List<Organization>> children, Set<Long> readable,
      Region region, List<OrganizationView> views) {
    if (readable.contains(o.id())) {
      views.add(new OrganizationView(o.code(), o.name(), o.kind().name(), o.kind().label(),
          o.parentId() == null ? null : region.organization(o.parentId()).code(), depth, o.migrated()));
    }
    children.getOrDefault(o.id(), List.of()).stream().sorted(Comparator.comparing(Organization::code))
        .forEach(child -> walk(child, depth + 1, children, readable, region, views));
  }

  private Set<Long> readableOrganizations(String user, Region region) {
    if (currentUser.isIn(Groups.ADMIN)) {
      return region.organizations().stream().map(Organization::id).collect(Collectors.toSet());
    }
    Organization own = jurisdiction.organizationOf(user).orElse(null);
    if (own == null) {
      return Set.of();
    }
    Set<Long> readable = new LinkedHashSet<>();
    region.lineage(own.id()).forEach(o -> readable.add(o.id()));
    region.organizations().stream().filter(o -> region.within(o.id(), own.id())).forEach(o -> readable.add(o.id()));
    for (Committee c : region.committeesOf(own.id(), jurisdiction.today())) {
      readable.add(c.organisingUnitId());
      readable.add(c.approvingUnitId());
      if (c.industryDepartmentId() != null) {
        readable.add(c.industryDepartmentId());
      }
    }
    return readable;
  }

  public List<CommitteeView> committees(String user) {
    Region region = jurisdiction.region();
    List<Committee> committees = currentUser.isIn(Groups.ADMIN) ? region.committees()
        : jurisdiction.committeesOf(user);
    return committees.stream().map(c -> view(c, region)).toList();
  }

  /** The committee, if the user's organization stands towards it; 404 or 403 otherwise. */
  public Committee readableCommittee(String user, String code) {
    Committee committee = jurisdiction.region().committee(code)
        .orElseThrow(() -> BusinessException.notFound("评委会 " + code + " 不存在"));
    if (!currentUser.isIn(Groups.ADMIN) && jurisdiction.capacities(user, committee).isEmpty()) {
      throw BusinessException.forbidden("账号 " + user + " 所在单位对评委会 " + code + " 没有组建、核准或监管关系，不能查看");
    }
    return committee;
  }

  public CommitteeFile committeeFile(String user, String code) {
    Committee committee = readableCommittee(user, code);
    List<String> standing = jurisdiction.capacities(user, committee).stream().map(Capacity::label).toList();
    return new CommitteeFile(view(committee, jurisdiction.region()), standing, grants(committee));
  }

  /** Every grant of the committee, oldest first: for its page, its inspections and its record. */
  public List<GrantView> grants(Committee committee) {
    return registry.grants(committee).stream().map(this::grant).toList();
  }

  public GrantView grant(Grant g) {
    Region region = jurisdiction.region();
    Organization grantee = region.organization(g.granteeId());
    return new GrantView(g.id(), region.committee(g.committeeId()).code(), grantee.code(), grantee.name(),
        g.purpose(), g.reason(), g.validFrom(), g.validTo(), g.inspectionId(), g.grantedBy(), g.grantedAt(),
        g.revokedBy(), g.revokedAt(), g.activeOn(jurisdiction.today()));
  }

  public List<AccountView> accounts(String administrator) {
    List<RegionRepository.Account> accounts = repository.accounts();
    Map<String, User> users = system.call(() -> identityService.createUserQuery()
            .userIdIn(accounts.stream().map(RegionRepository.Account::userId).toArray(String[]::new)).list())
        .stream().collect(Collectors.toMap(User::getId, Function.identity()));
    Region region = jurisdiction.region();
    return accounts.stream().map(a -> {
      User u = users.get(a.userId());
      String name = u == null ? a.userId() : (nullToEmpty(u.getFirstName()) + nullToEmpty(u.getLastName())).trim();
      List<String> roles = registry.rolesOf(a.userId());
      return new AccountView(a.userId(), name, a.organizationCode(),
          region.organization(a.organizationCode()).map(Organization::name).orElse(""), roles,
          roles.stream().map(Groups::name).toList());
    }).toList();
  }

  byte[] organizationSheet(String user) {
    return sheet("组织机构", RegionRegistry.ORGANIZATION_COLUMNS, organizations(user).stream()
        .map(o -> List.<Object>of(o.code(), o.name(), o.kindLabel(), text(o.parentCode()))).toList());
  }

  byte[] committeeSheet(String user) {
    return sheet("评委会名录", RegionRegistry.COMMITTEE_COLUMNS, committees(user).stream()
        .map(c -> List.<Object>of(c.code(), c.name(), c.level(), c.series(), String.join("、", c.specialties()),
            c.organisingUnitCode(), c.approvingUnitCode(), text(c.industryDepartmentCode()),
            c.selfManaged() ? "是" : "否", text(c.approvalNo()), text(c.validFrom()), text(c.validTo()),
            c.statusLabel(), text(c.statusReason())))
        .toList());
  }

  byte[] accountSheet(String administrator) {
    return sheet("账号与组织", RegionRegistry.ACCOUNT_COLUMNS, accounts(administrator).stream()
        .map(a -> List.<Object>of(a.userId(), a.organizationCode(), String.join("、", a.roleLabels()))).toList());
  }

  private static byte[] sheet(String title, List<Column> columns, List<List<Object>> rows) {
    return Workbooks.write(Workbooks.Table.of(title, columns.stream().map(Column::header).toList(), rows));
  }

  private static CommitteeView view(Committee c, Region region) {
    Organization organising = region.organization(c.organisingUnitId());
    Organization approving = region.organization(c.approvingUnitId());
    Organization industry = c.industryDepartmentId() == null ? null : region.organization(c.industryDepartmentId());
    return new CommitteeView(c.code(), c.name(), c.level(), c.series(), c.specialties(), organising.code(),
        organising.name(), approving.code(), approving.name(), industry == null ? null : industry.code(),
        industry == null ? null : industry.name(), c.selfManaged(), c.approvalNo(), c.validFrom(), c.validTo(),
        c.status().name(), c.status().label(), c.statusReason(), c.migrated());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
