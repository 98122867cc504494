package cn.gx.titlereview.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A rectification past its due day goes to the level above (督办). */
@Component("escalateOverdueFinding")
class EscalateOverdueFindingDelegate implements JavaDelegate {

  private final InspectionService service;

  EscalateOverdueFindingDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.escalate(((Number) execution.getVariable("findingId")).longValue());
  }
}
