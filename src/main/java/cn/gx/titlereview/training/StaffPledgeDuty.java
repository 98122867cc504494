package cn.gx.titlereview.training;

import cn.gx.titlereview.workflow.duty.DutyRule;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 附件3 is signed in person: each staff member's pledge task (one per member, {@code staffUserId}) is theirs alone.
 * Nobody else may be given it or complete it.
 */
@Component
class StaffPledgeDuty implements DutyRule {

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_SignStaffPledge");
  }

  @Override
  public Optional<String> refusal(DelegateTask task, long sessionId, String userId) {
    Object owner = task.getVariable("staffUserId");
    return userId.equals(owner) ? Optional.empty()
        : Optional.of("承诺书须由本人签署：此任务属于 " + owner + "，当前账号为 " + userId);
  }
}
