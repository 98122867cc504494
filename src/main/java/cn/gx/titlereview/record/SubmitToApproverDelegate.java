package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 报送: marks the signed record and results as submitted to the approving unit (作为评审结果确认材料一并报送). */
@Component("submitToApprover")
class SubmitToApproverDelegate implements JavaDelegate {

  private final SessionRepository sessions;
  private final Clock clock;

  SubmitToApproverDelegate(SessionRepository sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sessions.markSubmitted(ProcessVariables.sessionId(execution), clock.instant());
  }
}
