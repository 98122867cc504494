package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.FormConfirmation;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 附件3: a staff member's completion of the pledge task is the signature, given by ticking the confirmation
 * ({@link StaffPledgeDuty} makes sure it is their own task).
 */
@Component("recordStaffPledge")
class StaffPledgeListener implements TaskListener {

  /** Bump when the text of forms/staff-pledge.form changes, so the record shows which text was signed. */
  static final String TEMPLATE_VERSION = "附件3-2022";

  private final PledgeRepository pledges;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;
  private final Clock clock;

  StaffPledgeListener(PledgeRepository pledges, SessionRepository sessions, CurrentUser currentUser,
      Clock clock) {
    this.pledges = pledges;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long sessionId = ProcessVariables.sessionId(task);
    if (!sessions.staff(sessionId).contains(task.getAssignee())) {
      // The member left the session unsigned (StaffPledgeFollower): nothing to sign any more.
      return;
    }
    String signer = currentUser.completing(task);
    if (!FormConfirmation.consume(task, "pledgeConfirmed")) {
      throw new BadUserRequestException("请勾选“本人已阅知以上内容并承诺将在评审工作中严格遵守”后再提交");
    }
    pledges.signStaffPledge(sessionId, signer, TEMPLATE_VERSION, clock.instant());
  }
}
