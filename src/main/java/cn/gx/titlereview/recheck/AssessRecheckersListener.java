package cn.gx.titlereview.recheck;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 复核人员不称职: the supervisor's assessment after both rechecks. An unfit rechecker's findings are void, the
 * recheck is redone by someone else (the model loops back), and that user may not recheck this session again.
 */
@Component("assessRecheckers")
class AssessRecheckersListener implements TaskListener {

  static final String ASSESSED = "rechecksFit";
  static final String UNFIT = "unfitRechecker";

  private final RecheckRepository rechecks;
  private final AttestationRepository attestations;
  private final CurrentUser currentUser;
  private final Clock clock;

  AssessRecheckersListener(RecheckRepository rechecks, AttestationRepository attestations,
      CurrentUser currentUser, Clock clock) {
    this.rechecks = rechecks;
    this.attestations = attestations;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long sessionId = ProcessVariables.sessionId(task);
    boolean fit = FormFields.yes(task, ASSESSED, "复核人员是否称职");
    String supervisor = currentUser.completing(task);
    if (!fit) {
      String unfit = FormFields.optional(task, UNFIT);
      String note = FormFields.optional(task, "unfitNote");
      if (unfit == null || note == null) {
        throw new BadUserRequestException("发现不称职时，请填写不称职的复核人账号和情形说明");
      }
      if (rechecks.findings(sessionId).stream().noneMatch(f -> f.recordedBy().equals(unfit))) {
        throw new BadUserRequestException(unfit + " 没有登记本评审会的复核结论，请核对账号");
      }
      rechecks.deleteBy(sessionId, unfit);
      attestations.append(sessionId, UNFIT, unfit + "：" + note, supervisor, clock.instant(), task.getId());
    }
    attestations.append(sessionId, ASSESSED, fit ? "yes" : "no", supervisor, clock.instant(), task.getId());
  }

}
