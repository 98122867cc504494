package cn.gx.titlereview.draw;

import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.duty.DutyRule;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 纪检部门是否全程监督 (附件1 专家抽取): whoever runs the draw cannot vouch for it. The session's own staff may not confirm
 * the roster and the supervisor's presence, the draw commitment, or the offline computer.
 */
@Component
class DrawSupervisionDuties implements DutyRule {

  private final SessionRepository sessions;

  DrawSupervisionDuties(SessionRepository sessions) {
    this.sessions = sessions;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ConfirmRosterAndPresence", "Task_ConfirmDrawCommitment", "Task_AttestOfflineMachine");
  }

  @Override
  public Optional<String> refusal(DelegateTask task, long sessionId, String userId) {
    if (!sessions.staff(sessionId).contains(userId)) {
      return Optional.empty();
    }
    return Optional.of("账号 " + userId + " 是评审会 " + sessions.get(sessionId).code()
        + " 的工作人员，不能监督本人经办的抽取，须由纪检监督员确认");
  }
}
