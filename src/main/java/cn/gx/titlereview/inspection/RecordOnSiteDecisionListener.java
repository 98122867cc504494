package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Who decided to go on site: the inspection opened next names them as the one who opened it. */
@Component("recordOnSiteDecision")
class RecordOnSiteDecisionListener implements TaskListener {

  private final CurrentUser currentUser;

  RecordOnSiteDecisionListener(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable("onSiteDecidedBy", currentUser.completing(task));
  }
}
