package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.security.CurrentUser;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The inspector's verification of a rectification; an accountability measure must cite its regulation. */
@Component("verifyFinding")
class VerifyFindingListener implements TaskListener {

  private final InspectionService service;
  private final CurrentUser currentUser;

  VerifyFindingListener(InspectionService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean accepted = FormFields.yes(task, "rectificationAccepted", "整改是否到位");
    String accountability = FormFields.optional(task, "accountability");
    String regulation = FormFields.optional(task, "accountabilityRegulation");
    if (accountability != null && regulation == null) {
      throw new BadUserRequestException("登记问责措施须注明所依据的规定（accountabilityRegulation）");
    }
    service.verify(AnswerFindingListener.findingId(task), accepted,
        FormFields.required(task, "verificationNote", "核验意见"), accountability, regulation,
        currentUser.completing(task));
  }
}
