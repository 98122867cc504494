package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.FormConfirmation;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.SealedFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A signature (负责人签字 / 监督员签字) is an authenticated completion binding the record's hash at that moment. */
@Component("signRecord")
class SignRecordListener implements TaskListener {

  static final String UNIT_HEAD = "UNIT_HEAD";
  static final String SUPERVISOR = "SUPERVISOR";
  static final Map<String, String> ROLE_BY_TASK = Map.of(
      "Task_UnitHeadSignRecord", UNIT_HEAD,
      "Task_SupervisorSignRecord", SUPERVISOR);

  private final SessionRepository sessions;
  private final RecordService records;
  private final SignatureRepository signatures;
  private final CurrentUser currentUser;
  private final SealedFacts sealed;
  private final Clock clock;

  SignRecordListener(SessionRepository sessions, RecordService records, SignatureRepository signatures,
      CurrentUser currentUser, SealedFacts sealed, Clock clock) {
    this.sessions = sessions;
    this.records = records;
    this.signatures = signatures;
    this.currentUser = currentUser;
    this.sealed = sealed;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String role = ROLE_BY_TASK.get(task.getTaskDefinitionKey());
    if (role == null) {
      throw new IllegalStateException("任务 " + task.getTaskDefinitionKey() + " 不是签字任务");
    }
    if (!FormConfirmation.consume(task, "signConfirmed")) {
      throw new BadUserRequestException("请勾选“本人已审核评审情况记录表，确认签字”后再提交");
    }
    String signer = currentUser.completing(task);
    if (signer == null) {
      throw new BadUserRequestException("签字须由已登录的本人完成");
    }
    ReviewSession session = sessions.get(ProcessVariables.sessionId(task));
    Instant now = clock.instant();
    String hash = records.hash(session);
    signatures.add(session.id(), role, signer, now, hash);
    sealed.seal(SealedFact.of(SealedFact.RECORD_SIGNATURE, session.code(), now, "role", role, "signer", signer,
        "record", hash));
  }
}
