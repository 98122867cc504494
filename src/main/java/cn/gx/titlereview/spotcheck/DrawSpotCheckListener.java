package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionRepository;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The approver's ratio (and phrase) draws the sample; the variable keeps the sampled applicant numbers only. */
@Component("drawSpotCheck")
class DrawSpotCheckListener implements TaskListener {

  private final SpotCheckService spotChecks;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  DrawSpotCheckListener(SpotCheckService spotChecks, SessionRepository sessions, CurrentUser currentUser) {
    this.spotChecks = spotChecks;
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!(task.getVariable("spotCheckRatio") instanceof Number ratio)) {
      throw new BadUserRequestException("请填写抽查比例（spotCheckRatio，百分比整数，例如 10）");
    }
    Object phrase = task.getVariable("spotCheckPhrase");
    try {
      SpotCheck check = spotChecks.draw(sessions.get(ProcessVariables.sessionId(task)), ratio.intValue(),
          phrase == null ? null : phrase.toString(), currentUser.completing(task));
      task.getExecution().setVariable("spotCheckSample", check.items().stream()
          .map(SpotCheck.Item::applicantNo).collect(Collectors.joining("、")));
      task.getExecution().removeVariable("spotCheckPhrase");
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
