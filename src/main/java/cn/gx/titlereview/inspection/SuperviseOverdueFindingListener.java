package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The level above records how it pressed an overdue rectification (督办意见). */
@Component("superviseOverdueFinding")
class SuperviseOverdueFindingListener implements TaskListener {

  private final InspectionService service;
  private final CurrentUser currentUser;

  SuperviseOverdueFindingListener(InspectionService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    service.superviseOverdue(AnswerFindingListener.findingId(task),
        FormFields.required(task, "overdueSupervisionNote", "督办意见"), currentUser.completing(task));
  }
}
