package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Once a session is registered, fixes the record form it will be recorded on: later versions do not apply to it. */
@Component("freezeRecordForm")
class FreezeRecordFormListener implements ExecutionListener {

  private final RecordFormVersions forms;
  private final SessionRepository sessions;

  FreezeRecordFormListener(RecordFormVersions forms, SessionRepository sessions) {
    this.forms = forms;
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    forms.freeze(sessions.get(ProcessVariables.sessionId(execution)));
  }
}
