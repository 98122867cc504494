package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The session's last step: at 评审结果已确认 (or 评审结果未获确认) its facts are frozen (监管方案 四（一）: the record
 * signed by the unit head and the supervisor goes with the results the approving unit confirms). From here on
 * {@link SessionAccess#forWrite} refuses every change; the one who closed it is the approver who answered
 * 核准单位确认评审结果.
 */
@Component("closeSession")
class CloseSessionListener implements ExecutionListener {

  static final String CONFIRMED_END = "EndEvent_SessionConfirmed";

  private final SessionRepository sessions;
  private final AttestationRepository attestations;
  private final Clock clock;

  CloseSessionListener(SessionRepository sessions, AttestationRepository attestations, Clock clock) {
    this.sessions = sessions;
    this.attestations = attestations;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long sessionId = ProcessVariables.sessionId(execution);
    List<Attestation> answers = attestations.history(sessionId, "resultsConfirmed");
    String approver = answers.isEmpty() ? null : answers.get(answers.size() - 1).attestedBy();
    sessions.close(sessionId, CONFIRMED_END.equals(execution.getCurrentActivityId())
        ? SessionRepository.Closure.CONFIRMED : SessionRepository.Closure.NOT_CONFIRMED, approver, clock.instant());
  }
}
