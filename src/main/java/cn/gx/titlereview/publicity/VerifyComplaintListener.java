package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the supervisor's verification of the complaint a task was opened for. */
@Component("verifyComplaint")
class VerifyComplaintListener implements TaskListener {

  private final ComplaintService complaints;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  VerifyComplaintListener(ComplaintService complaints, SessionRepository sessions, CurrentUser currentUser) {
    this.complaints = complaints;
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean substantiated = FormFields.yes(task, "complaintSubstantiated", "核查结论：属实或不属实");
    String finding = FormFields.required(task, "complaintFinding", "核查情况");
    Object action = task.getVariable("complaintAction");
    complaints.verify(sessions.get(ProcessVariables.sessionId(task)),
        ((Number) task.getVariable("complaintId")).longValue(), substantiated, finding, action == null ? null : action.toString(), currentUser.completing(task));
    for (String field : new String[] {"complaintSubstantiated", "complaintFinding", "complaintAction"}) {
      task.getExecution().removeVariable(field);
    }
  }
}
