package cn.gx.titlereview.region;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.ImportRow;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.platform.web.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the tree, the registry, accounts' organizations and grants, all or nothing per file, each problem named by
 * its row and column. The 职改办 keep what lies in their subtree (监管方案 三（二）: the approving level supervises);
 * accounts are kept by administrators. Every change is announced ({@link RegionChanged}).
 */
@Service
public class RegionRegistry {

  /** Codes become the engine's tenant and group ids: letters, digits and '-', as the 职改办 write them. */
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");

  static final Column ORG_CODE = required("code", "单位编码", "organization.code");
  static final Column ORG_NAME = required("name", "单位名称", "organization.name");
  static final Column ORG_KIND = required("kind", "类别", "organization.kind");
  static final Column ORG_PARENT = optional("parentCode", "上级单位编码", "organization.code");
  public static final List<Column> ORGANIZATION_COLUMNS = List.of(ORG_CODE, ORG_NAME, ORG_KIND, ORG_PARENT);

  static final Column CODE_COLUMN = required("code", "评委会编码", "committee.code");
  static final Column NAME = required("name", "评委会名称", "committee.name");
  static final Column LEVEL = required("level", "层级");
  static final Column SERIES = required("series", "评审系列", "committee.series");
  static final Column SPECIALTIES = optional("specialties", "评审专业", "committee.specialties");
  static final Column ORGANISING = required("organisingUnitCode", "组建单位编码", "organization.code");
  static final Column APPROVING = required("approvingUnitCode", "核准单位编码", "organization.code");
  static final Column INDUSTRY = optional("industryDepartmentCode", "行业主管部门编码", "organization.code");
  static final Column SELF_MANAGED = optional("selfManaged", "自主评审");
  static final Column APPROVAL_NO = optional("approvalNo", "核准（备案）文号", "committee.approval_no");
  static final Column VALID_FROM = optional("validFrom", "有效期起");
  static final Column VALID_TO = optional("validTo", "有效期止");
  static final Column STATUS = optional("status", "状态", "committee.status");
  static final Column STATUS_REASON = optional("statusReason", "状态说明", "committee.status_reason");
  public static final List<Column> COMMITTEE_COLUMNS = List.of(CODE_COLUMN, NAME, LEVEL, SERIES, SPECIALTIES,
      ORGANISING, APPROVING, INDUSTRY, SELF_MANAGED, APPROVAL_NO, VALID_FROM, VALID_TO, STATUS, STATUS_REASON);

  static final Column USER = required("userId", "账号", "account.user_id");
  static final Column USER_ORGANIZATION = required("organizationCode", "所属单位编码", "organization.code");
  static final Column ROLES = optional("roles", "角色");
  public static final List<Column> ACCOUNT_COLUMNS = List.of(USER, USER_ORGANIZATION, ROLES);

  /** Who writes: an administrator anywhere, the approving staff of a 职改办 within its subtree. */
  public record Writer(String userId, boolean administrator, Organization office) {

    boolean reaches(Region region, long organizationId) {
      return administrator || office != null && region.within(organizationId, office.id());
    }

    String where() {
      return administrator ? "全区" : office.label() + "及其下级";
    }
  }

  private final RegionRepository repository;
  private final Jurisdiction jurisdiction;
  private final TableReader reader;
  private final IdentityService identityService;
  private final SystemAuthority system;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AuditTrail audit;

  RegionRegistry(RegionRepository repository, Jurisdiction jurisdiction, TableReader reader,
      IdentityService identityService, SystemAuthority system, ApplicationEventPublisher events, Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.repository = repository;
    this.jurisdiction = jurisdiction;
    this.reader = reader;
    this.identityService = identityService;
    this.system = system;
    this.events = events;
    this.clock = clock;
  }

  /** The caller as a writer of the registry, or 403 for anyone but an administrator or a 职改办's approver. */
  public Writer writer(String userId, List<String> groups) {
    return writerOf(userId, groups).orElseThrow(() -> BusinessException.forbidden("账号 " + userId
        + " 不能维护组织机构和评委会：须为职改办（自治区或市）的核准人员"));
  }

  /** The caller as a writer of the registry, if they are one. */
  public Optional<Writer> writerOf(String userId, List<String> groups) {
    if (groups.contains(Groups.ADMIN)) {
      return Optional.of(new Writer(userId, true, null));
    }
    return jurisdiction.organizationOf(userId)
        .filter(organization -> groups.contains(Groups.APPROVER) && organization.kind().office())
        .map(organization -> new Writer(userId, false, organization));
  }

  /**
   * The caller as the keeper of accounts' organizations and roles: the security administrator (三员分立), or the
   * bootstrap administrator while it is in service; 403 for anyone else.
   */
  public Writer accountKeeper(String userId, List<String> groups) {
    if (groups.contains(Groups.SECURITY_ADMIN) || groups.contains(Groups.ADMIN)) {
      return new Writer(userId, true, null);
    }
    throw BusinessException.forbidden("账号 " + userId + " 不能查看和维护账号所属单位和角色：须为安全管理员");
  }

  /** Adds or updates organizations; rows not in the file stay as they are. */
  @Transactional
  public int saveOrganizations(ImportFile file, Writer writer) {
    Region region = jurisdiction.region();
    Map<String, Organization> known = new HashMap<>();
    region.organizations().forEach(o -> known.put(o.code(), o));
    Map<String, OrganizationRow> rows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    // The rows' own problems and those between rows (parents, cycles, reach) are reported together.
    try {
      readOrganizations(file, rows);
    } catch (ImportException rowProblems) {
      problems.addAll(rowProblems.problems());
    }
    for (OrganizationRow row : rows.values()) {
      checkOrganization(row, rows, known, region, writer, problems);
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    for (OrganizationRow row : inTreeOrder(rows, known)) {
      repository.saveOrganization(row.code(), row.name(), row.kind(),
          row.parent() == null ? null : repository.organizationId(row.parent()), writer.userId(), clock.instant());
      Organization before = known.get(row.code());
      String parentBefore = before == null || before.parentId() == null ? null : codeOf(region, before.parentId());
      // A file that repeats what is registered (the demo's at each start) changes nothing, and records nothing.
      if (before == null || !java.util.Objects.equals(before.name(), row.name()) || before.kind() != row.kind()
          || !java.util.Objects.equals(parentBefore, row.parent())) {
        audit.record(writer.userId(), AuditKind.REGION, row.code(), (before == null ? "登记" : "修改") + "组织机构："
            + row.name() + "（" + row.kind().label() + "，上级 " + (row.parent() == null ? "无" : row.parent()) + "）");
      }
    }
    events.publishEvent(new RegionChanged("组织机构 " + rows.size() + " 个"));
    return rows.size();
  }

  private void readOrganizations(ImportFile file, Map<String, OrganizationRow> rows) {
    reader.read(file, ORGANIZATION_COLUMNS, ORG_CODE, row -> {
      String code = code(row, ORG_CODE);
      OrganizationKind kind = parse(row, ORG_KIND, OrganizationKind::parse, OrganizationKind.values(),
          OrganizationKind::label);
      String parent = row.text(ORG_PARENT);
      if (code != null && kind != null) {
        rows.put(code, new OrganizationRow(row.position(), code, row.text(ORG_NAME), kind, parent));
      }
      return code;
    });
  }

  record OrganizationRow(String position, String code, String name, OrganizationKind kind, String parent) {
  }

  private void checkOrganization(OrganizationRow row, Map<String, OrganizationRow> rows,
      Map<String, Organization> known, Region region, Writer writer, List<String> problems) {
    String where = row.position() + "（" + row.code() + "）";
    Organization existing = known.get(row.code());
    if (row.kind() == OrganizationKind.REGION_OFFICE) {
      if (region.regionOffice().filter(o -> !o.code().equals(row.code())).isPresent()) {
        problems.add(where + "：全区只有一个自治区职改办（" + region.regionOffice().get().code() + "），不能再增加");
      }
      if (row.parent() != null) {
        problems.add(where + "「上级单位编码」：自治区职改办没有上级单位，应为空");
      }
      if (!writer.administrator()) {
        problems.add(where + "：自治区职改办只能由系统管理员维护");
      }
      return;
    }
    if (row.parent() == null) {
      problems.add(where + "「上级单位编码」：不能为空");
      return;
    }
    OrganizationKind parentKind = rows.containsKey(row.parent()) ? rows.get(row.parent()).kind()
        : known.containsKey(row.parent()) ? known.get(row.parent()).kind() : null;
    if (parentKind == null) {
      problems.add(where + "「上级单位编码」：" + row.parent() + " 不存在（既不在系统中，也不在本文件中）");
      return;
    }
    String misplaced = switch (row.kind()) {
      case CITY_OFFICE -> parentKind == OrganizationKind.REGION_OFFICE ? null : "市职改办的上级应为自治区职改办";
      case DEPARTMENT -> parentKind.office() || parentKind == OrganizationKind.DEPARTMENT ? null
          : "行业主管部门的上级应为职改办或行业主管部门";
      case UNIT -> parentKind != OrganizationKind.THIRD_PARTY ? null : "评委会组建单位不能挂在第三方机构之下";
      case THIRD_PARTY -> parentKind.office() ? null : "第三方机构的上级应为委托它的职改办";
      case REGION_OFFICE -> null;
    };
    if (misplaced != null) {
      problems.add(where + "「上级单位编码」：" + misplaced + "，" + row.parent() + " 是" + parentKind.label());
    }
    if (cycles(row.code(), rows, known)) {
      problems.add(where + "「上级单位编码」：" + row.parent() + " 在本单位之下，上下级关系不能成环");
    }
    Long parentId = known.containsKey(row.parent()) ? known.get(row.parent()).id() : null;
    boolean parentReachable = parentId == null ? reachableInFile(row.parent(), rows, known, region, writer)
        : writer.reaches(region, parentId);
    if (!parentReachable || existing != null && !writer.reaches(region, existing.id())) {
      problems.add(where + "：不在本账号可维护的范围（" + writer.where() + "）之内");
    }
  }

  /** A parent new in this file is reachable when its own parent chain reaches the writer's subtree. */
  private static boolean reachableInFile(String code, Map<String, OrganizationRow> rows,
      Map<String, Organization> known, Region region, Writer writer) {
    Set<String> seen = new LinkedHashSet<>();
    for (String c = code; c != null && seen.add(c); c = rows.containsKey(c) ? rows.get(c).parent() : null) {
      if (known.containsKey(c)) {
        return writer.reaches(region, known.get(c).id());
      }
    }
    return writer.administrator();
  }

  private static boolean cycles(String code, Map<String, OrganizationRow> rows, Map<String, Organization> known) {
    Map<Long, String> codes = new HashMap<>();
    known.values().forEach(o -> codes.put(o.id(), o.code()));
    Set<String> seen = new LinkedHashSet<>();
    String current = code;
    while (current != null) {
      if (!seen.add(current)) {
        return true;
      }
      if (rows.containsKey(current)) {
        current = rows.get(current).parent();
      } else {
        Organization o = known.get(current);
        current = o == null || o.parentId() == null ? null : codes.get(o.parentId());
      }
    }
    return false;
  }

  /** Parents before children, so that each row's parent exists when it is written. */
  private static List<OrganizationRow> inTreeOrder(Map<String, OrganizationRow> rows,
      Map<String, Organization> known) {
    List<OrganizationRow> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>(known.keySet());
    List<OrganizationRow> waiting = new ArrayList<>(rows.values());
    while (!waiting.isEmpty()) {
      List<OrganizationRow> ready = waiting.stream()
          .filter(r -> r.parent() == null || placed.contains(r.parent()) && !rows.containsKey(r.parent())
              || ordered.stream().anyMatch(o -> o.code().equals(r.parent())))
          .toList();
      if (ready.isEmpty()) {
        throw new IllegalStateException("组织机构的上下级关系成环，未能排序：" + waiting);
      }
      ordered.addAll(ready);
      ready.forEach(r -> placed.add(r.code()));
      waiting.removeAll(ready);
    }
    return ordered;
  }

  /** Adds or updates committees; rows not in the file stay as they are. */
  @Transactional
  public int saveCommittees(ImportFile file, Writer writer) {
    Region region = jurisdiction.region();
    List<Committee> committees = reader.read(file, COMMITTEE_COLUMNS, CODE_COLUMN, row -> {
      String code = code(row, CODE_COLUMN);
      String level = row.oneOf(LEVEL, Committee.LEVELS);
      Organization organising = organization(row, ORGANISING, region);
      Organization approving = organization(row, APPROVING, region);
      Organization industry = organization(row, INDUSTRY, region);
      if (organising != null && organising.kind() == OrganizationKind.THIRD_PARTY) {
        row.problem(ORGANISING, organising.label() + " 是第三方机构，不能组建评委会");
      }
      if (approving != null && !(approving.kind().office() || approving.kind() == OrganizationKind.DEPARTMENT)) {
        row.problem(APPROVING, approving.label() + " 是" + approving.kind().label() + "，核准单位应为职改办或行业主管部门");
      }
      if (industry != null && industry.kind() != OrganizationKind.DEPARTMENT) {
        row.problem(INDUSTRY, industry.label() + " 是" + industry.kind().label() + "，应为行业主管部门");
      }
      LocalDate from = row.date(VALID_FROM);
      LocalDate to = row.date(VALID_TO);
      if (from != null && to != null && to.isBefore(from)) {
        row.problem(VALID_TO, "有效期止（" + to + "）早于有效期起（" + from + "）");
      }
      CommitteeStatus status = row.text(STATUS) == null ? CommitteeStatus.ACTIVE
          : parse(row, STATUS, CommitteeStatus::parse, CommitteeStatus.values(), CommitteeStatus::label);
      String reason = row.text(STATUS_REASON);
      if (status != null && status != CommitteeStatus.ACTIVE && reason == null) {
        row.problem(STATUS_REASON, "评委会" + status.label() + "时须说明原因");
      }
      Committee existing = code == null ? null : region.committee(code).orElse(null);
      if (approving != null && !writer.reaches(region, approving.id())
          || existing != null && !writer.reaches(region, existing.approvingUnitId())) {
        row.problem("核准单位不在本账号可维护的范围（" + writer.where() + "）之内：评委会由核准它的职改办或其上级维护");
      }
      Boolean selfManaged = row.bool(SELF_MANAGED);
      return organising == null || approving == null || level == null || status == null ? null
          : new Committee(0, code, row.text(NAME), level, row.text(SERIES), specialties(row.text(SPECIALTIES)),
              organising.id(), approving.id(), industry == null ? null : industry.id(),
              Boolean.TRUE.equals(selfManaged), row.text(APPROVAL_NO), from, to, status, reason, false);
    });
    for (Committee c : committees) {
      Optional<Committee> before = region.committee(c.code());
      repository.saveCommittee(c, writer.userId(), clock.instant());
      if (before.isPresent() && sameFacts(before.get(), c)) {
        continue;
      }
      audit.record(writer.userId(), AuditKind.REGION, c.code(), (before.isPresent() ? "修改" : "登记") + "评委会："
          + c.name() + "，组建单位 " + codeOf(region, c.organisingUnitId()) + "，核准单位 "
          + codeOf(region, c.approvingUnitId())
          + before.filter(b -> b.approvingUnitId() != c.approvingUnitId())
              .map(b -> "（原核准单位 " + codeOf(region, b.approvingUnitId()) + "）").orElse("")
          + "，状态 " + c.status().label());
    }
    events.publishEvent(new RegionChanged("评委会 " + committees.size() + " 个"));
    return committees.size();
  }

  /**
   * Places accounts in their organizations with their roles there (an administrator's work; the accounts and their
   * passwords are kept in Camunda Admin). Roles not listed are taken away.
   */
  @Transactional
  public int saveAccounts(ImportFile file, Writer writer) {
    if (!writer.administrator()) {
      throw BusinessException.forbidden("账号所属单位和角色只能由安全管理员维护");
    }
    Region region = jurisdiction.region();
    Map<String, String> roleByName = new HashMap<>();
    Groups.ASSIGNABLE_ROLES.forEach(r -> roleByName.put(Groups.name(r), r));
    record AccountRow(String userId, Organization organization, Set<String> roles) {
    }
    List<AccountRow> rows = reader.read(file, ACCOUNT_COLUMNS, USER, row -> {
      String user = row.text(USER);
      if (user != null && system.call(() -> identityService.createUserQuery().userId(user).count()) == 0) {
        row.problem(USER, "账号 " + user + " 不存在：请先在系统管理的“用户”中创建该账号");
      }
      if (user != null && user.equals(writer.userId())) {
        // 三员分立: nobody grants themselves a role.
        row.problem(USER, "不能修改本人账号的所属单位和角色：须由另一位安全管理员办理");
      }
      Organization organization = organization(row, USER_ORGANIZATION, region);
      Set<String> roles = row.items(ROLES, List.copyOf(roleByName.keySet())).stream().map(roleByName::get)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      return new AccountRow(user, organization, roles);
    });
    Map<String, String> organizationsBefore = new HashMap<>();
    repository.accounts().forEach(a -> organizationsBefore.put(a.userId(), a.organizationCode()));
    system.run(() -> rows.forEach(row -> {
      repository.saveAccount(row.userId(), row.organization().id(), writer.userId(), clock.instant());
      Set<String> held = identityService.createGroupQuery().groupMember(row.userId()).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      if (!row.organization().code().equals(organizationsBefore.get(row.userId()))
          || !Groups.ASSIGNABLE_ROLES.stream().filter(held::contains).collect(Collectors.toSet()).equals(row.roles())) {
        audit.record(writer.userId(), AuditKind.MEMBERSHIP, row.userId(), "账号 " + row.userId() + " 所属单位 "
            + row.organization().label() + "，角色 " + (row.roles().isEmpty() ? "无"
                : row.roles().stream().map(Groups::name).collect(Collectors.joining("、"))));
      }
      for (String role : Groups.ASSIGNABLE_ROLES) {
        if (row.roles().contains(role) && !held.contains(role)) {
          identityService.createMembership(row.userId(), role);
        } else if (!row.roles().contains(role) && held.contains(role)) {
          identityService.deleteMembership(row.userId(), role);
        }
      }
    }));
    events.publishEvent(new RegionChanged("账号 " + rows.size() + " 个"));
    return rows.size();
  }

  /** The roles an account holds among those this page assigns. */
  public List<String> rolesOf(String userId) {
    Set<String> held = system.call(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
        .map(Group::getId).collect(Collectors.toSet());
    return Groups.ASSIGNABLE_ROLES.stream().filter(held::contains).toList();
  }

  /**
   * Opens one committee to another organization for a period (交叉检查、联合检查、委派第三方督查). Only its approving
   * unit or a 职改办 above it may; the grant ends by itself after {@code validTo}.
   */
  @Transactional
  public Grant grant(Committee committee, String granteeCode, String purpose, String reason, LocalDate from,
      LocalDate to, Long inspectionId, String userId) {
    requireSupervisor(committee, userId, "授权");
    List<String> problems = new ArrayList<>();
    Region region = jurisdiction.region();
    Organization grantee = region.organization(granteeCode).orElse(null);
    if (grantee == null) {
      problems.add("被授权单位 granteeCode：" + granteeCode + " 不存在");
    } else if (!region.capacities(grantee.id(), committee, jurisdiction.today()).isEmpty()
        && !region.capacities(grantee.id(), committee, jurisdiction.today()).equals(Set.of(Capacity.GRANTEE))) {
      problems.add("被授权单位 " + grantee.label() + " 已对该评委会负有职责，无须授权");
    }
    if (!Grant.PURPOSES.contains(purpose)) {
      problems.add("授权事由 purpose 应为 " + String.join(" / ", Grant.PURPOSES) + " 之一");
    }
    if (reason == null || reason.isBlank()) {
      problems.add("请填写授权说明 reason（检查的任务和依据）");
    }
    if (from == null || to == null) {
      problems.add("请填写授权期间 validFrom 至 validTo（yyyy-MM-dd）");
    } else if (to.isBefore(from)) {
      problems.add("授权期间的结束日（" + to + "）早于开始日（" + from + "）");
    } else if (to.isAfter(from.plusYears(1))) {
      problems.add("授权期间不能超过一年：检查结束，授权随之结束");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    long id = repository.insertGrant(committee.id(), grantee.id(), purpose, reason.trim(), from, to, inspectionId,
        userId, clock.instant());
    audit.record(userId, AuditKind.REGION, committee.code(), "授权 " + grantee.label() + " " + purpose + "，"
        + from + " 至 " + to);
    events.publishEvent(new RegionChanged("授权 " + id));
    return repository.grant(id).orElseThrow();
  }

  @Transactional
  public Grant revoke(Committee committee, long grantId, String userId) {
    requireSupervisor(committee, userId, "撤销授权");
    Grant grant = repository.grant(grantId).filter(g -> g.committeeId() == committee.id())
        .orElseThrow(() -> BusinessException.notFound("评委会 " + committee.code() + " 没有编号为 " + grantId + " 的授权"));
    repository.revokeGrant(grant.id(), userId, clock.instant());
    audit.record(userId, AuditKind.REGION, committee.code(), "撤销第 " + grantId + " 号授权");
    events.publishEvent(new RegionChanged("撤销授权 " + grantId));
    return repository.grant(grantId).orElseThrow();
  }

  /** Every grant of the committee, ended ones too, oldest first. */
  public List<Grant> grants(Committee committee) {
    return repository.grantsOf(committee.id());
  }

  private void requireSupervisor(Committee committee, String userId, String what) {
    Set<Capacity> capacities = jurisdiction.capacities(userId, committee);
    if (!capacities.contains(Capacity.APPROVER) && !capacities.contains(Capacity.SUPERVISING_OFFICE)) {
      throw BusinessException.forbidden("账号 " + userId + " 不能为评委会 " + committee.code() + what
          + "：须为其核准单位或上级职改办的人员");
    }
  }

  /** Whether a committee row says what is registered already (its id and upgrade mark aside). */
  private static boolean sameFacts(Committee a, Committee b) {
    return java.util.Objects.equals(a.name(), b.name()) && java.util.Objects.equals(a.level(), b.level())
        && java.util.Objects.equals(a.series(), b.series())
        && java.util.Objects.equals(a.specialties(), b.specialties()) && a.organisingUnitId() == b.organisingUnitId()
        && a.approvingUnitId() == b.approvingUnitId()
        && java.util.Objects.equals(a.industryDepartmentId(), b.industryDepartmentId())
        && a.selfManaged() == b.selfManaged() && java.util.Objects.equals(a.approvalNo(), b.approvalNo())
        && java.util.Objects.equals(a.validFrom(), b.validFrom()) && java.util.Objects.equals(a.validTo(), b.validTo())
        && a.status() == b.status() && java.util.Objects.equals(a.statusReason(), b.statusReason());
  }

  private static String codeOf(Region region, Long organizationId) {
    return organizationId == null ? "无" : region.organizations().stream().filter(o -> organizationId.equals(o.id()))
        .map(Organization::code).findFirst().orElse(String.valueOf(organizationId));
  }

  private static String code(ImportRow row, Column column) {
    String code = row.text(column);
    if (code != null && !CODE.matcher(code).matches()) {
      row.problem(column, "编码只能由字母、数字和“-”组成（不超过 40 位），实际为“" + code + "”");
      return null;
    }
    return code;
  }

  private static Organization organization(ImportRow row, Column column,
      Region region) {
    String code = row.text(column);
    if (code == null) {
      return null;
    }
    return region.organization(code).orElseGet(() -> {
      row.problem(column, code + " 不存在：请先在“组织机构”中登记该单位");
      return null;
    });
  }

  /** A value as people write it (市职改办) or as systems do ({@code CITY_OFFICE}); a problem names the words to use. */
  private static <E> E parse(ImportRow row, Column column, Function<String, Optional<E>> parser, E[] values,
      Function<E, String> label) {
    String text = row.text(column);
    if (text == null) {
      return null;
    }
    return parser.apply(text).orElseGet(() -> {
      row.problem(column, "应为 " + Arrays.stream(values).map(label).collect(Collectors.joining(" / ")) + " 之一，实际为“"
          + text + "”");
      return null;
    });
  }

  private static List<String> specialties(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[、,，;；]+")).map(String::trim)
        .filter(s -> !s.isEmpty()).distinct().toList();
  }

}
