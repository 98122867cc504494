package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.audit.EngineMembershipChanged;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The region as the engine sees it, so that Tasklist, Cockpit and {@code /engine-rest} keep each organization to
 * its own (docs/decisions.md, "A tenant per committee"):
 * <ul>
 *   <li>each organization is a group {@code org@CODE}, and each role an account holds there a group
 *       {@code role@CODE} ({@code supervisor@GX-UNIT-A}): a supervisor's task is offered to the supervisors of the
 *       session's organising unit only, whoever else is in the group {@code supervisor};</li>
 *   <li>each committee is a tenant (its code), whose members are the groups of the organizations in its
 *       jurisdiction; every process instance of the committee carries the tenant, so that the engine shows it to them
 *       and to nobody else.</li>
 * </ul>
 * Derived, never granted by hand: rebuilt at start, after every change of the region, for an account as soon as its
 * memberships change in Camunda Admin or at {@code /engine-rest} (and every five minutes besides), and at each hour
 * for grants that began or ended.
 */
@Component
@Order(10)
public class EngineJurisdiction implements ApplicationRunner {

  static final String ORGANIZATION_TYPE = "ORGANIZATION";
  static final String ROLE_TYPE = "ORGANIZATION_ROLE";
  /** The roles that act on sessions, and therefore exist per organization. */
  static final List<String> ROLES = List.of(Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER,
      Groups.DEPT_HEAD);

  private final IdentityService identityService;
  private final Jurisdiction jurisdiction;
  private final RegionRepository repository;
  private final SystemAuthority system;

  EngineJurisdiction(IdentityService identityService, Jurisdiction jurisdiction, RegionRepository repository,
      SystemAuthority system) {
    this.identityService = identityService;
    this.jurisdiction = jurisdiction;
    this.repository = repository;
    this.system = system;
  }

  /** The group of one organization: {@code org@GX-UNIT-A}. */
  public static String organizationGroup(Organization organization) {
    return "org@" + organization.code();
  }

  /** The group of one role in one organization: {@code supervisor@GX-UNIT-A}. */
  public static String roleGroup(String role, Organization organization) {
    return role + "@" + organization.code();
  }

  @Override
  public void run(ApplicationArguments args) {
    synchronize();
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Order(1)
  void changed(RegionChanged change) {
    synchronize();
  }

  /** A role given or taken in Camunda Admin or at {@code /engine-rest}: the account's groups follow at once. */
  @TransactionalEventListener(fallbackExecution = true)
  void membershipChanged(EngineMembershipChanged change) {
    account(change.userId());
  }

  /** What the engine's log could not tell: a change made in its tables by hand, an older change lost to a crash. */
  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
  void memberships() {
    system.run(this::synchronizeAccounts);
  }

  @Scheduled(cron = "0 1 * * * *", zone = "Asia/Shanghai")
  public void grantsBeganOrEnded() {
    system.run(this::synchronizeTenants);
  }

  /** Everything, with the system's authority: the caller changed the region, not the engine's identities. */
  public void synchronize() {
    system.run(() -> {
      synchronizeAccounts();
      synchronizeTenants();
    });
  }

  /** Each account in its organization's group and in the group of each role it holds there, and in no other. */
  private synchronized void synchronizeAccounts() {
    Region region = jurisdiction.region();
    region.organizations().forEach(o -> ensureGroup(organizationGroup(o), o.name(), ORGANIZATION_TYPE));
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (RegionRepository.Account account : repository.accounts()) {
      Organization organization = region.organization(account.organizationCode()).orElseThrow();
      wanted.put(account.userId(), wanted(account.userId(), organization));
    }
    for (Group group : identityService.createGroupQuery().groupType(ORGANIZATION_TYPE).list()) {
      follow(group, wanted);
    }
    for (Group group : identityService.createGroupQuery().groupType(ROLE_TYPE).list()) {
      follow(group, wanted);
    }
  }

  /**
   * One account's organization and role groups, exactly as {@link #synchronizeAccounts()} makes them, at once: a
   * login by single sign-on that changed the account's organization or roles.
   */
  public void account(String userId) {
    system.run(() -> {
      Organization organization = jurisdiction.organizationOf(userId).orElse(null);
      if (organization != null) {
        ensureGroup(organizationGroup(organization), organization.name(), ORGANIZATION_TYPE);
      }
      Set<String> wanted = organization == null ? Set.of() : wanted(userId, organization);
      Set<String> held = identityService.createGroupQuery().groupMember(userId).list().stream()
          .filter(g -> ORGANIZATION_TYPE.equals(g.getType()) || ROLE_TYPE.equals(g.getType())).map(Group::getId)
          .collect(Collectors.toSet());
      wanted.stream().filter(g -> !held.contains(g)).forEach(g -> identityService.createMembership(userId, g));
      held.stream().filter(g -> !wanted.contains(g)).forEach(g -> identityService.deleteMembership(userId, g));
    });
  }

  /** The groups an account belongs to for its organization: the organization's, and one per role it holds there. */
  private Set<String> wanted(String userId, Organization organization) {
    Set<String> groups = new HashSet<>();
    groups.add(organizationGroup(organization));
    Set<String> roles = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).filter(ROLES::contains).collect(Collectors.toSet());
    for (String role : roles) {
      String id = roleGroup(role, organization);
      ensureGroup(id, Groups.name(role) + " · " + organization.name(), ROLE_TYPE);
      groups.add(id);
    }
    return groups;
  }

  /** Each committee a tenant, with the groups of exactly the organizations in its jurisdiction today. */
  private synchronized void synchronizeTenants() {
    Region region = jurisdiction.region();
    LocalDate today = jurisdiction.today();
    for (Committee committee : region.committees()) {
      Tenant tenant = identityService.createTenantQuery().tenantId(committee.code()).singleResult();
      if (tenant == null) {
        tenant = identityService.newTenant(committee.code());
      }
      if (!committee.name().equals(tenant.getName())) {
        tenant.setName(committee.name());
        identityService.saveTenant(tenant);
      }
      Set<String> wanted = region.jurisdiction(committee, today).stream().map(EngineJurisdiction::organizationGroup)
          .collect(Collectors.toCollection(HashSet::new));
      // The system administrator runs every committee's instances in Cockpit (migrations, incidents, suspensions):
      // the engine holds only ids and flags of them, the business data stays behind /api (三员分立, docs/audit.md).
      wanted.add(Groups.SYSTEM_ADMIN);
      Set<String> present = identityService.createGroupQuery().memberOfTenant(committee.code()).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      wanted.stream().filter(g -> !present.contains(g))
          .forEach(g -> identityService.createTenantGroupMembership(committee.code(), g));
      present.stream().filter(g -> !wanted.contains(g))
          .forEach(g -> identityService.deleteTenantGroupMembership(committee.code(), g));
    }
  }

  private void follow(Group group, Map<String, Set<String>> wanted) {
    Set<String> members = identityService.createUserQuery().memberOfGroup(group.getId()).list().stream()
        .map(u -> u.getId()).collect(Collectors.toSet());
    wanted.forEach((user, groups) -> {
      if (groups.contains(group.getId()) && !members.contains(user)) {
        identityService.createMembership(user, group.getId());
      }
    });
    members.stream().filter(user -> !wanted.getOrDefault(user, Set.of()).contains(group.getId()))
        .forEach(user -> identityService.deleteMembership(user, group.getId()));
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }
}
