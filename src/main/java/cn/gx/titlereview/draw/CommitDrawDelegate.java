package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 是否随机抽取, before the draw: the system commits to the pool and its random bytes; only their hashes are shown,
 * as variables, so that the supervisor's phrase added next cannot be chosen against them.
 */
@Component("commitDraw")
class CommitDrawDelegate implements JavaDelegate {

  private final ExpertDrawService drawService;
  private final SessionRepository sessions;

  CommitDrawDelegate(ExpertDrawService drawService, SessionRepository sessions) {
    this.drawService = drawService;
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DrawCommitment.Commitment c = drawService.commit(sessions.get(ProcessVariables.sessionId(execution)));
    execution.setVariable("drawPoolSha256", c.poolSha256());
    execution.setVariable("drawRandomSha256", c.randomSha256());
  }
}
