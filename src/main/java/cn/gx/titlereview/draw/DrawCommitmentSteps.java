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
public class DrawCommitmentSteps {

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
      Object phrase = task.getVariable("drawPhrase");
      if (phrase == null || phrase.toString().trim().length() < 4) {
        throw new BadUserRequestException("请输入不少于 4 个字的抽取短语（由监督员自拟，抽取后公开）");
      }
      drawService.confirmCommitment(sessions.get(ProcessVariables.sessionId(task)), phrase.toString().trim(),
          currentUser.completing(task));
      task.getExecution().removeVariable("drawPhrase");
    };
  }
}
