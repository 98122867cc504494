package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The inspector confirms the findings (recorded through the API) and the conclusion; they are frozen. */
@Component("closeInspectionFindings")
class CloseInspectionFindingsListener implements TaskListener {

  private final InspectionService service;

  CloseInspectionFindingsListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String conclusion = FormFields.required(task, "inspectionConclusion", "督查结论");
    long id = ((Number) task.getVariable("inspectionId")).longValue();
    task.setVariable("findingCount", service.closeFindings(id, conclusion).size());
    task.getExecution().removeVariable("inspectionConclusion");
  }
}
