package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The approver's findings on the sample, one line per problem, are recorded in our tables. */
@Component("recordSpotCheck")
class RecordSpotCheckListener implements TaskListener {

  private final SpotCheckService spotChecks;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  RecordSpotCheckListener(SpotCheckService spotChecks, SessionRepository sessions, CurrentUser currentUser) {
    this.spotChecks = spotChecks;
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Object lines = task.getVariable("spotCheckProblems");
    try {
      spotChecks.recordFindings(sessions.get(ProcessVariables.sessionId(task)), lines == null ? "" : lines.toString(),
          currentUser.completing(task));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
