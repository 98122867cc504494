package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.session.StaffChanged;
import cn.gx.titlereview.session.StaffTaskRights;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An open inspection's rectification tasks (组建单位整改并答复) are offered to the staff of the sessions it concerns
 * when they open. When that staff list changes, the tasks follow: a member who joins can answer, a member who leaves
 * (and is not on another session of an inspected committee) no longer can.
 */
@Component
class InspectionStaffFollower {

  private final InspectionRepository inspections;
  private final InspectionStaff inspectionStaff;
  private final TaskService taskService;
  private final StaffTaskRights rights;
  private final SystemAuthority system;

  InspectionStaffFollower(InspectionRepository inspections, InspectionStaff inspectionStaff,
      TaskService taskService, StaffTaskRights rights, SystemAuthority system) {
    this.inspections = inspections;
    this.inspectionStaff = inspectionStaff;
    this.taskService = taskService;
    this.rights = rights;
    this.system = system;
  }

  @EventListener
  public void follow(StaffChanged change) {
    system.run(() -> {
      for (Inspection inspection : inspections.forSession(change.session().id(), change.session().committeeId())) {
        if (inspection.concludedAt() != null || inspection.processInstanceId() == null) {
          continue;
        }
        boolean stillConcerned = inspectionStaff.userIds(inspection).contains(change.userId());
        List<Task> staffTasks = taskService.createTaskQuery().processInstanceId(inspection.processInstanceId()).list()
            .stream().filter(rights::isStaffTask).toList();
        for (Task task : staffTasks) {
          if (change.joined()) {
            rights.offer(task, change.userId());
          } else if (!stillConcerned) {
            rights.withdraw(task, change.userId());
          }
        }
      }
    });
  }
}
