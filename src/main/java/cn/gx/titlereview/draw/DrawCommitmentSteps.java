package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 是否随机抽取, before the draw: the system commits to the pool and its random bytes (only their hashes are shown,
 * as variables), and the supervisor adds a phrase of their own, so that neither side alone decides the seed.
 */
@Configuration
class DrawCommitmentSteps {

  @Bean("commitDraw")
  JavaDelegate commitDraw(ExpertDrawService drawService, SessionRepository sessions) {
    return execution -> {
      DrawCommitment.Commitment c = drawService.commit(sessions.get(ProcessVariables.sessionId(execution)));
      execution.setVariable("drawPoolSha256", c.poolSha256());
      execution.setVariable("drawRandomSha256", c.randomSha256());
    };
  }

  @Bean("confirmDrawCommitment")
  TaskListener confirmDrawCommitment(ExpertDrawService drawService, SessionRepository sessions,
      CurrentUser currentUser) {
    return task -> {
      var session = sessions.get(ProcessVariables.sessionId(task));
      String user = currentUser.completing(task);
      if (Boolean.TRUE.equals(task.getVariable("drawOffline"))) {
        // The phrase is typed on the offline computer; none is kept here.
        drawService.confirmForOfflineDraw(session, user);
        task.getExecution().removeVariable("drawPhrase");
        return;
      }
      Object phrase = task.getVariable("drawPhrase");
      if (phrase == null || phrase.toString().trim().length() < ReproducibleDraw.MIN_PHRASE_LENGTH) {
        throw new BadUserRequestException("请输入不少于 " + ReproducibleDraw.MIN_PHRASE_LENGTH
            + " 个字的抽取短语（由监督员自拟，抽取后公开）");
      }
      drawService.confirmCommitment(session, phrase.toString().trim(), user);
      task.getExecution().removeVariable("drawPhrase");
    };
  }

  /** Completing the offline task needs a verified result file uploaded; its hash goes to the supervisor's task. */
  @Bean("requireOfflineResult")
  TaskListener requireOfflineResult(DrawCommitment commitments, SessionRepository sessions) {
    return task -> {
      var session = sessions.get(ProcessVariables.sessionId(task));
      DrawCommitment.OfflineResult result = commitments.offlineResult(session.id())
          .orElseThrow(() -> new BadUserRequestException("评审会 " + session.code()
              + " 尚未上传离线抽取结果文件：请在数据工作台“抽取结果与通知情况”一节上传"));
      task.setVariable("offlineResultSha256", result.fileSha256());
    };
  }
}
