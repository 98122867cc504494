package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.security.ClaimedIdentity;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SingleSignOnAccounts;
import cn.gx.titlereview.platform.security.SingleSignOnRefused;
import cn.gx.titlereview.platform.security.SystemAuthority;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of single sign-on: at each login the province's identity provider, not an administrator, says which
 * organization and roles an account holds, and the account follows in one transaction (the engine's user, its role
 * memberships, its row in {@code account}, its {@code org@…}/{@code role@…} groups). An organization the region does
 * not know refuses the login and writes nothing. Changes made to such an account on the 账号与所属单位 page last until
 * its next login.
 */
@Service
class ClaimedAccounts implements SingleSignOnAccounts {

  /** Who changed the account, in the {@code account} table and the audit trail. */
  static final String PROVIDER = "统一身份认证";
  /** The groups an account's claims decide; any other group it belongs to is left as it is. */
  private static final Set<String> CLAIMED_GROUPS = Stream.of(Groups.ASSIGNABLE_ROLES, Groups.ADMINISTRATORS,
      List.of(Groups.ADMIN)).flatMap(List::stream).collect(Collectors.toSet());

  private final IdentityService identityService;
  private final Jurisdiction jurisdiction;
  private final RegionRepository repository;
  private final EngineJurisdiction engine;
  private final SystemAuthority system;
  private final AuditTrail audit;
  private final Clock clock;

  ClaimedAccounts(IdentityService identityService, Jurisdiction jurisdiction, RegionRepository repository,
      EngineJurisdiction engine, SystemAuthority system, AuditTrail audit, Clock clock) {
    this.identityService = identityService;
    this.jurisdiction = jurisdiction;
    this.repository = repository;
    this.engine = engine;
    this.system = system;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void follow(ClaimedIdentity identity) {
    String userId = identity.userId();
    Organization organization = jurisdiction.region().organization(identity.organizationCode())
        .orElseThrow(() -> new SingleSignOnRefused(userId, "统一身份认证给出的所属单位编码 " + identity.organizationCode()
            + " 不在本系统的组织机构中，账号 " + userId + " 无法登录：请联系职改办在“组织机构”中登记该单位，"
            + "或请统一身份认证的管理员更正"));
    system.run(() -> {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      boolean created = user == null;
      if (created) {
        user = identityService.newUser(userId);
      }
      if (created || !identity.name().equals(user.getFirstName()) || !Objects.equals(identity.email(), user.getEmail())) {
        // The whole name as 姓 and nothing as 名: documents print 姓 + 名 (docs/users.md).
        user.setFirstName(identity.name());
        user.setLastName("");
        user.setEmail(identity.email());
        try {
          identityService.saveUser(user);
        } catch (ProcessEngineException e) {
          throw new SingleSignOnRefused(userId, "统一身份认证给出的账号 " + userId
              + " 不符合本系统的账号规则（字母、数字及 @ . _ -），无法登录：请联系统一身份认证的管理员");
        }
      }
      Set<String> held = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
          .filter(CLAIMED_GROUPS::contains).collect(Collectors.toSet());
      Organization before = repository.organizationOf(userId).map(id -> jurisdiction.region().organization(id))
          .orElse(null);
      boolean moved = before == null || before.id() != organization.id();
      // Taken away first: the engine refuses an administrator's group beside a business role (三员分立).
      held.stream().filter(g -> !identity.groups().contains(g))
          .forEach(g -> identityService.deleteMembership(userId, g));
      identity.groups().stream().filter(g -> !held.contains(g))
          .forEach(g -> identityService.createMembership(userId, g));
      if (moved) {
        repository.saveAccount(userId, organization.id(), PROVIDER, clock.instant());
      }
      engine.account(userId);
      if (created) {
        audit.record(PROVIDER, AuditKind.ACCOUNT, userId, "首次以统一身份认证登录，建立账号 " + userId + "（" + identity.name()
            + "）");
      }
      if (created || moved || !held.equals(Set.copyOf(identity.groups()))) {
        audit.record(PROVIDER, AuditKind.MEMBERSHIP, userId, "按统一身份认证：账号 " + userId + " 所属单位 "
            + organization.label() + "，角色 " + names(identity.groups())
            + (created ? "" : "（此前：" + (before == null ? "无所属单位" : before.label()) + "，"
                + names(held) + "）"));
      }
    });
  }

  private static String names(Collection<String> groups) {
    return groups.isEmpty() ? "无" : groups.stream().sorted().map(Groups::name).collect(Collectors.joining("、"));
  }
}
