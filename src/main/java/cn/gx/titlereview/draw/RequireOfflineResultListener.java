package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing the offline task needs a verified result file uploaded; its hash goes to the supervisor's task. */
@Component("requireOfflineResult")
class RequireOfflineResultListener implements TaskListener {

  private final DrawCommitment commitments;
  private final SessionRepository sessions;

  RequireOfflineResultListener(DrawCommitment commitments, SessionRepository sessions) {
    this.commitments = commitments;
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewSession session = sessions.get(ProcessVariables.sessionId(task));
    DrawCommitment.OfflineResult result = commitments.offlineResult(session.id())
        .orElseThrow(() -> new BadUserRequestException("评审会 " + session.code()
            + " 尚未上传离线抽取结果文件：请在数据工作台“抽取结果与通知情况”一节上传"));
    task.setVariable("offlineResultSha256", result.fileSha256());
  }
}
