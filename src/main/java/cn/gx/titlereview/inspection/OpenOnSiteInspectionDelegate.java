package cn.gx.titlereview.inspection;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A complaint clue accepted by the 职改办 opens the on-site inspection (实地监督管理) in this process. */
@Component("openOnSiteInspection")
class OpenOnSiteInspectionDelegate implements JavaDelegate {

  private final InspectionService service;

  OpenOnSiteInspectionDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var inspection = service.openInProcess(new InspectionService.Request(null,
        (String) execution.getVariable("committeeCode"), List.of("现场观摩", "查阅资料"), "COMPLAINT",
        "实地监督管理：" + execution.getVariable("complaintClue")), execution.getProcessInstanceId(),
        (String) execution.getVariable("onSiteDecidedBy"));
    execution.setVariable("inspectionId", inspection.id());
    execution.setVariable("inspectionTitle", service.title(inspection));
  }
}
