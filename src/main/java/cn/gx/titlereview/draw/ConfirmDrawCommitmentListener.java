package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The supervisor confirms the commitment and adds a phrase of their own, so that neither the system nor the
 * supervisor alone decides the seed. For an offline draw the phrase is typed on the offline computer instead.
 */
@Component("confirmDrawCommitment")
class ConfirmDrawCommitmentListener implements TaskListener {

  private final ExpertDrawService drawService;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  ConfirmDrawCommitmentListener(ExpertDrawService drawService, SessionRepository sessions, CurrentUser currentUser) {
    this.drawService = drawService;
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewSession session = sessions.get(ProcessVariables.sessionId(task));
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
  }
}
