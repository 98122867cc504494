package cn.gx.titlereview.session;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A staff member's rights on open tasks offered to staff by name (candidate users): given when they join, taken when
 * they leave. Used for the session's own tasks and for the inspections that concern it. Callers run it with the
 * system's authority.
 */
@Component
public class StaffTaskRights {

  private final TaskService taskService;
  private final AuthorizationService authorizations;

  public StaffTaskRights(TaskService taskService, AuthorizationService authorizations) {
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  /** Staff tasks are those offered to users by name: a staff list. */
  public boolean isStaffTask(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null);
  }

  public void offer(Task task, String userId) {
    taskService.addCandidateUser(task.getId(), userId);
  }

  /** Takes a staff task from the user: their claim, their candidacy and their rights on it. */
  public void withdraw(Task task, String userId) {
    if (userId.equals(task.getAssignee())) {
      taskService.setAssignee(task.getId(), null);
    }
    taskService.deleteCandidateUser(task.getId(), userId);
    revokeGrants(task, userId);
  }

  /** The engine keeps a user's rights on a task when the link that gave them goes; they go here. */
  public void revokeGrants(Task task, String userId) {
    authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.TASK)
        .resourceId(task.getId()).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }
}
