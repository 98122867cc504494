package cn.gx.titlereview.session;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.platform.security.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import java.util.Optional;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Tasklist filter per open session, named after it, for its staff only: a staff member on several sessions
 * finds each session's tasks in one click. Opened when the session is registered, shared with whoever joins its
 * staff, withdrawn from whoever leaves, and removed when the session ends ({@code end} listener of the main process).
 */
@Component("sessionTaskFilter")
class SessionTaskFilter implements ExecutionListener {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizations;
  private final SessionRepository sessions;
  private final SystemAuthority system;

  SessionTaskFilter(FilterService filterService, TaskService taskService, AuthorizationService authorizations,
      SessionRepository sessions, SystemAuthority system) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
    this.sessions = sessions;
    this.system = system;
  }

  public void open(ReviewSession session) {
    system.run(() -> {
      Filter filter = filterService.newTaskFilter(name(session))
          .setQuery(taskService.createTaskQuery().processInstanceBusinessKey(session.code()))
          .setProperties(TasklistFilters.properties("评审会 " + session.code() + " 的全部待办任务", 5));
      String id = filterService.saveFilter(filter).getId();
      sessions.staff(session.id()).forEach(user -> grant(id, user));
    });
  }

  @EventListener
  public void follow(StaffChanged change) {
    system.run(() -> find(change.session()).ifPresent(filter -> {
      if (change.joined()) {
        grant(filter.getId(), change.userId());
      } else {
        authorizations.createAuthorizationQuery().userIdIn(change.userId()).resourceType(Resources.FILTER)
            .resourceId(filter.getId()).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
    }));
  }

  /** The session ended: its filter would only ever be empty. */
  @Override
  public void notify(DelegateExecution execution) {
    system.run(() -> sessions.findByCode(execution.getProcessBusinessKey()).flatMap(this::find)
        .ifPresent(filter -> filterService.deleteFilter(filter.getId())));
  }

  private Optional<Filter> find(ReviewSession session) {
    return filterService.createFilterQuery().filterName(name(session)).list().stream().findFirst();
  }

  private void grant(String filterId, String user) {
    Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    read.setUserId(user);
    read.setResource(Resources.FILTER);
    read.setResourceId(filterId);
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }

  private static String name(ReviewSession session) {
    return "评审会 " + session.code();
  }
}
