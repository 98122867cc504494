package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Finding;
import cn.gx.titlereview.platform.PlatformConfig;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Each rectification's own scope: its due time for the overdue timer and the fields its forms fill. */
@Component("prepareFinding")
class PrepareFindingListener implements ExecutionListener {

  private static final List<String> FORM_FIELDS = List.of("rectificationAnswer", "rectificationAccepted",
      "verificationNote", "accountability", "accountabilityRegulation", "overdueSupervisionNote");

  private final InspectionService service;

  PrepareFindingListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Finding f = service.finding(((Number) execution.getVariable("findingId")).longValue());
    execution.setVariableLocal("findingSummary", "【" + f.rule() + "】责任：" + f.responsible() + "；整改要求："
        + f.rectification() + "；期限：" + f.deadlineWorkingDays() + " 个工作日，至 " + f.dueDate());
    // Overdue once the last working day has passed.
    execution.setVariableLocal("findingDue",
        Date.from(f.dueDate().plusDays(1).atStartOfDay(PlatformConfig.ZONE).toInstant()));
    // Local, so that one finding's answer never shows in another's form.
    FORM_FIELDS.forEach(field -> execution.setVariableLocal(field, null));
  }
}
