package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.StaffChanged;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 附件3 follows the staff list (监管方案 附件3: every member of the session's staff signs). A member who joins after the
 * pledges were handed out gets a pledge of their own ({@code bpmn/LateStaffPledge.bpmn}); one who joins earlier is in
 * the list the pledges are handed out to. A member who leaves unsigned no longer owes a pledge: their task is
 * closed unsigned, so that the others' signatures complete the stage.
 */
@Component
class StaffPledgeFollower {

  static final String PLEDGE_TASK = "Task_SignStaffPledge";
  /** Kept on a withdrawn pledge task, for whoever reads its history. */
  static final String WITHDRAWN = "pledgeWithdrawn";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final SystemAuthority system;

  StaffPledgeFollower(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
      SystemAuthority system) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.system = system;
  }

  @EventListener
  public void follow(StaffChanged change) {
    system.run(() -> {
      if (change.joined()) {
        handOutLatePledge(change.session(), change.userId());
      } else {
        withdrawPledge(change.session(), change.userId());
      }
    });
  }

  private void handOutLatePledge(ReviewSession session, String userId) {
    boolean handedOut = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(session.code())
        .taskDefinitionKey(PLEDGE_TASK).count() > 0;
    if (handedOut) {
      runtimeService.startProcessInstanceByKey("LateStaffPledge", session.code(), Map.of(
          ProcessVariables.SESSION_ID, session.id(), "sessionCode", session.code(),
          "committeeName", session.committeeName(), "reviewYear", session.reviewYear(), "level", session.level(),
          "staffUserId", userId));
    }
  }

  /**
   * The leaver's unsigned pledge is closed by the system, not cancelled, so that the stage counts it as done;
   * {@link StaffPledgeListener} records no signature for someone no longer on the list.
   */
  private void withdrawPledge(ReviewSession session, String userId) {
    for (Task pledge : taskService.createTaskQuery().processInstanceBusinessKey(session.code())
        .taskDefinitionKey(PLEDGE_TASK).taskAssignee(userId).list()) {
      taskService.setVariableLocal(pledge.getId(), WITHDRAWN, "已退出本评审会工作人员名单，无须签署");
      taskService.complete(pledge.getId());
    }
  }
}
