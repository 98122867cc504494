package cn.gx.titlereview.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 三员分立 at the engine's door, whoever calls (Admin, {@code /engine-rest}, our pages), by the engine's own user store
 * with three more rules on group memberships:
 * <ul>
 *   <li>nobody adds themselves to a group or takes themselves out of one: no role grants itself another;</li>
 *   <li>an account holds at most one of the three administrators' groups, and none of them beside a business role
 *       (staff, supervisor, unit head, approver, department head): an administrator has no business data;</li>
 *   <li>nobody is added to {@code camunda-admin} by hand: it is the engine's bootstrap account's group only.</li>
 * </ul>
 * The engine's start-up (no caller) and single sign-on may still create memberships. A password set by someone else
 * than the account's holder is to be changed at the next login ({@link PasswordChange}).
 */
@Component
class ThreeAdministrators extends AbstractProcessEnginePlugin {

  /** The business roles an administrator may not hold beside their own. */
  static final Set<String> BUSINESS_ROLES = Set.of(Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER,
      Groups.DEPT_HEAD);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(SeparatedIdentityProvider.class));
  }

  /** The engine's database user store, with the rules above on memberships. Public: the engine instantiates it. */
  public static class SeparatedIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      String caller = caller();
      if (caller != null) {
        refuseSelf(caller, userId, "加入用户组“" + Groups.name(groupId) + "”");
        if (Groups.ADMIN.equals(groupId)) {
          throw new BadUserRequestException("不能将账号 " + userId + " 加入初始管理员组（camunda-admin）：该组只供流程引擎初始化使用；"
              + "请按三员分立加入系统管理员、安全管理员或安全审计员组");
        }
      }
      Set<String> held = groupsOf(userId);
      String conflict = conflict(groupId, held);
      if (conflict != null) {
        throw new BadUserRequestException("三员分立：账号 " + userId + " 已属于“" + Groups.name(conflict) + "”，不能再加入“"
            + Groups.name(groupId) + "”；系统管理员、安全管理员、安全审计员须由不同的人担任，且不办理评审业务");
      }
      return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      boolean newPassword = user instanceof UserEntity entity && entity.hasNewPassword();
      IdentityOperationResult result = super.saveUser(user);
      String caller = caller();
      if (newPassword && caller != null) {
        PasswordChange.passwordSet(new JdbcTemplate(Context.getProcessEngineConfiguration().getDataSource()),
            user.getId(), caller, ClockUtil.now().toInstant());
      }
      return result;
    }

    /**
     * An account of single sign-on has no password of the product: no password matches it (the engine itself would
     * fail on the missing hash with a NullPointerException, a 500 at the login).
     */
    @Override
    public boolean checkPassword(String userId, String password) {
      UserEntity user = userId == null ? null : findUserById(userId);
      if (user != null && user.getPassword() == null) {
        return false;
      }
      return super.checkPassword(userId, password);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      String caller = caller();
      if (caller != null) {
        refuseSelf(caller, userId, "退出用户组“" + Groups.name(groupId) + "”");
      }
      return super.deleteMembership(userId, groupId);
    }

    /** The group already held that may not stand beside the new one, or null. */
    static String conflict(String groupId, Set<String> held) {
      if (Groups.ADMINISTRATORS.contains(groupId)) {
        return held.stream().filter(g -> !g.equals(groupId)
            && (Groups.ADMINISTRATORS.contains(g) || BUSINESS_ROLES.contains(g))).findFirst().orElse(null);
      }
      if (BUSINESS_ROLES.contains(groupId)) {
        return held.stream().filter(Groups.ADMINISTRATORS::contains).findFirst().orElse(null);
      }
      return null;
    }

    private static void refuseSelf(String caller, String userId, String what) {
      if (caller.equals(userId)) {
        throw new BadUserRequestException("不能为本人账号 " + userId + " " + what + "：任何角色不能给自己授权，须由另一位安全管理员办理");
      }
    }

    private static String caller() {
      CommandContext command = Context.getCommandContext();
      return command == null ? null : command.getAuthenticatedUserId();
    }

    private Set<String> groupsOf(String userId) {
      CommandContext command = Context.getCommandContext();
      List<Group> groups = command.runWithoutAuthorization(
          () -> createGroupQuery(command).groupMember(userId).list());
      return groups.stream().map(Group::getId).collect(Collectors.toSet());
    }
  }
}
