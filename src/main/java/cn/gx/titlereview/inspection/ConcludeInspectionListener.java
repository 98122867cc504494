package cn.gx.titlereview.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Every finding rectified and verified: the inspection is concluded. */
@Component("concludeInspection")
class ConcludeInspectionListener implements ExecutionListener {

  private final InspectionService service;

  ConcludeInspectionListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.conclude(((Number) execution.getVariable("inspectionId")).longValue());
  }
}
