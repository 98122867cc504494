package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When 核准单位确定抽查比例 opens, the pool and the random bytes are fixed; the form shows only their hashes, so the
 * approver's ratio cannot steer the sample. Variables carry hashes and a size, nothing more.
 */
@Component("commitSpotCheck")
class CommitSpotCheckListener implements TaskListener {

  private final SpotCheckService spotChecks;
  private final SessionRepository sessions;

  CommitSpotCheckListener(SpotCheckService spotChecks, SessionRepository sessions) {
    this.spotChecks = spotChecks;
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    SpotCheck.Commitment c = spotChecks.commit(sessions.get(ProcessVariables.sessionId(task)));
    task.getExecution().setVariable("spotCheckPoolSha256", c.poolSha256());
    task.getExecution().setVariable("spotCheckRandomSha256", c.randomSha256());
    task.getExecution().setVariable("spotCheckPoolSize", c.pool().size());
  }
}
