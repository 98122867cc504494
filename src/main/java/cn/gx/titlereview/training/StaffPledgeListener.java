package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.FormConfirmation;
import cn.gx.titlereview.platform.security.CurrentUser;
import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 附件3: a staff member's completion of the pledge task is the signature. Only the assignee can sign their own
 * pledge, and only by ticking the confirmation.
 */
@Component("recordStaffPledge")
public class StaffPledgeListener implements TaskListener {

  /** Bump when the text of forms/staff-pledge.form changes, so the record shows which text was signed. */
  static final String TEMPLATE_VERSION = "附件3-2022";

  private final PledgeRepository pledges;
  private final CurrentUser currentUser;
  private final Clock clock;

  public StaffPledgeListener(PledgeRepository pledges, CurrentUser currentUser, Clock clock) {
    this.pledges = pledges;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String signer = currentUser.completing(task);
    if (signer == null || !signer.equals(task.getAssignee())) {
      throw new BadUserRequestException("承诺书须由本人签署：此任务属于 " + task.getAssignee() + "，当前账号为 " + signer);
    }
    if (!FormConfirmation.consume(task, "pledgeConfirmed")) {
      throw new BadUserRequestException("请勾选“本人已阅知以上内容并承诺将在评审工作中严格遵守”后再提交");
    }
    pledges.signStaffPledge(ProcessVariables.sessionId(task), signer, TEMPLATE_VERSION,
        clock.instant());
  }
}
