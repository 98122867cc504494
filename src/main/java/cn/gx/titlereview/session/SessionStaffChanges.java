package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member joins or leaves a session while it runs. The rights follow at once: the session's open staff tasks
 * are offered to the new list (candidate users, {@code ${sessionStaff.userIds(sessionId)}} in the models), a member who
 * left loses the tasks they could see or had claimed, and every change is kept with who made it and when. Open
 * inspections of the session follow too ({@code inspection/InspectionStaffFollower}).
 */
@Service
class SessionStaffChanges {

  private final SessionRepository sessions;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final StaffTaskRights rights;
  private final IdentityService identityService;
  private final SystemAuthority system;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  SessionStaffChanges(SessionRepository sessions, TaskService taskService, RuntimeService runtimeService,
      StaffTaskRights rights, IdentityService identityService, SystemAuthority system,
      CurrentUser currentUser, ApplicationEventPublisher events, Jurisdiction jurisdiction, Clock clock) {
    this.sessions = sessions;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.rights = rights;
    this.identityService = identityService;
    this.system = system;
    this.currentUser = currentUser;
    this.events = events;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  @Transactional
  public List<String> add(ReviewSession session, String userId) {
    requireRunning(session);
    if (userId == null || identityService.createUserQuery().userId(userId).memberOfGroup(Groups.STAFF).count() == 0) {
      throw BusinessException.badRequest("账号 " + userId + " 不存在或不属于“工作人员”用户组，不能加入评审会");
    }
    Committee committee = jurisdiction.region().committee(session.committeeId());
    if (!jurisdiction.capacities(userId, committee).contains(Capacity.ORGANISER)) {
      throw BusinessException.badRequest("账号 " + userId + " 不属于评委会“" + committee.name() + "”的组建单位，不能加入评审会 "
          + session.code());
    }
    if (sessions.staff(session.id()).contains(userId)) {
      throw BusinessException.conflict("账号 " + userId + " 已是评审会 " + session.code() + " 的工作人员");
    }
    sessions.addStaff(session.id(), List.of(userId));
    sessions.recordStaffChange(session.id(), userId, "ADDED", currentUser.id(), clock.instant());
    system.run(() -> openTasks(session).stream().filter(rights::isStaffTask)
        .forEach(task -> rights.offer(task, userId)));
    events.publishEvent(new StaffChanged(session, userId, true));
    return sessions.staff(session.id());
  }

  @Transactional
  public List<String> remove(ReviewSession session, String userId) {
    requireRunning(session);
    List<String> staff = sessions.staff(session.id());
    if (!staff.contains(userId)) {
      throw BusinessException.notFound("账号 " + userId + " 不是评审会 " + session.code() + " 的工作人员");
    }
    if (staff.size() == 1) {
      throw BusinessException.conflict("评审会至少须有一名工作人员：请先加入接替的工作人员");
    }
    sessions.removeStaff(session.id(), userId);
    sessions.recordStaffChange(session.id(), userId, "REMOVED", currentUser.id(), clock.instant());
    system.run(() -> {
      // Tasks the model gave to them by name (their pledge) are the stages' to settle (StaffChanged).
      for (Task task : openTasks(session)) {
        if (rights.isStaffTask(task)) {
          rights.withdraw(task, userId);
        } else {
          rights.revokeGrants(task, userId);
        }
      }
    });
    events.publishEvent(new StaffChanged(session, userId, false));
    return sessions.staff(session.id());
  }

  private void requireRunning(ReviewSession session) {
    if (system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(session.processInstanceId()).count()) == 0) {
      throw BusinessException.conflict("评审会 " + session.code() + " 已结束，不能再变更工作人员");
    }
  }

  private List<Task> openTasks(ReviewSession session) {
    return taskService.createTaskQuery().processInstanceBusinessKey(session.code()).list();
  }

}
