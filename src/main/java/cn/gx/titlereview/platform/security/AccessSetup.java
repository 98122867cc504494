package cn.gx.titlereview.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the product's groups, what each may do in the webapps, and the shared Tasklist filters (我的待办, 待认领,
 * 即将到期; each session adds its own, {@code session/SessionTaskFilter}).
 * Runs in every profile and is idempotent. Task visibility itself comes from candidate groups:
 * the engine grants a candidate group access to each task it is offered.
 */
@Component
@Order(1)
class AccessSetup implements ApplicationRunner {

  static final String TASK_FILTER_NAME = "我的待办";
  static final String TO_CLAIM_FILTER_NAME = "待认领";
  static final String DUE_SOON_FILTER_NAME = "即将到期";
  private static final String[] TASK_WORKERS = {Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER,
      Groups.DEPT_HEAD};

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Groups.NAMES.forEach(this::ensureGroup);
    // With authorization on, each user sees exactly the tasks offered to them: an empty query is "all my tasks".
    List<String> filters = List.of(
        ensureFilter(TASK_FILTER_NAME, taskService.createTaskQuery(), "本人及所在用户组可办理的任务", -10),
        ensureFilter(TO_CLAIM_FILTER_NAME, taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"),
            "尚未认领、本人可认领的任务", -5),
        ensureFilter(DUE_SOON_FILTER_NAME, taskService.createTaskQuery()
            .dueBeforeExpression("${dateTime().plusDays(2)}").orderByDueDate().asc(), "两天内到期及已逾期的任务", 0));
    for (String group : TASK_WORKERS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      filters.forEach(filterId -> grant(group, Resources.FILTER, filterId, Permissions.READ));
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      grant(group, Resources.USER, "*", Permissions.READ);
      grant(group, Resources.GROUP, "*", Permissions.READ);
    }
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, "TitleReviewSession", Permissions.CREATE_INSTANCE);
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, "RegisterComplaint", Permissions.CREATE_INSTANCE);
    grant(Groups.STAFF, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // The approving unit watches every session in Cockpit but changes nothing there.
    grant(Groups.APPROVER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.APPROVER, Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant(Groups.APPROVER, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Groups.APPROVER, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.APPROVER, Resources.DEPLOYMENT, "*", Permissions.READ);
    administrators();
  }

  /**
   * 三员分立 (docs/audit.md): the system administrator runs the engine in Cockpit (models, deployments, migrations,
   * suspensions, jobs and incidents) but has no Tasklist, no accounts, no authorizations; the security administrator
   * keeps accounts, passwords and group memberships in Admin but sees no process; the audit administrator has nothing
   * in the engine (the audit trail is read at /audit). None of them may change authorizations: only the bootstrap
   * account, which the engine treats as its administrator, may, and it retires once the three exist.
   */
  private void administrators() {
    grant(Groups.SYSTEM_ADMIN, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.SYSTEM_ADMIN, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(Groups.SYSTEM_ADMIN, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
        ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.SUSPEND);
    grant(Groups.SYSTEM_ADMIN, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(Groups.SYSTEM_ADMIN, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(Groups.SYSTEM_ADMIN, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(Groups.SYSTEM_ADMIN, Resources.BATCH, "*", Permissions.READ, Permissions.DELETE,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
    grant(Groups.SECURITY_ADMIN, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(Groups.SECURITY_ADMIN, Resources.USER, "*", Permissions.READ, Permissions.CREATE, Permissions.UPDATE,
        Permissions.DELETE);
    grant(Groups.SECURITY_ADMIN, Resources.GROUP, "*", Permissions.READ);
    grant(Groups.SECURITY_ADMIN, Resources.GROUP_MEMBERSHIP, "*", Permissions.CREATE, Permissions.DELETE);
    grant(Groups.SECURITY_ADMIN, Resources.TENANT, "*", Permissions.READ);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.ADMIN.equals(id) || Groups.ADMINISTRATORS.contains(id) ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /** Creates the shared filter, or brings an existing one up to date (query and properties). */
  private String ensureFilter(String name, TaskQuery query, String description, int priority) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    Filter filter = existing != null ? existing : filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(TasklistFilters.properties(description, priority));
    return filterService.saveFilter(filter).getId();
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    authorizationService.saveAuthorization(auth);
  }
}
