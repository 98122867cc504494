package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The responsible unit's answer to one finding (整改情况). */
@Component("answerFinding")
class AnswerFindingListener implements TaskListener {

  private final InspectionService service;
  private final CurrentUser currentUser;

  AnswerFindingListener(InspectionService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    service.answer(findingId(task), FormFields.required(task, "rectificationAnswer", "整改情况"),
        currentUser.completing(task));
  }

  static long findingId(DelegateTask task) {
    return ((Number) task.getVariable("findingId")).longValue();
  }
}
