package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Finding;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.security.CurrentUser;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code bpmn/Inspection.bpmn}. Findings live in our tables; the process carries the inspection's id,
 * each rectification's finding id, and the short texts its forms show.
 */
@Configuration
public class InspectionSteps {

  /** The findings to rectify, one rectification sub-process each: {@code ${inspectionFindings.ids(inspectionId)}}. */
  public static class InspectionFindings {

    private final InspectionRepository inspections;

    InspectionFindings(InspectionRepository inspections) {
      this.inspections = inspections;
    }

    public List<Long> ids(Number inspectionId) {
      return inspections.findings(inspectionId.longValue()).stream().map(Finding::id).toList();
    }
  }

  @Bean("inspectionFindings")
  InspectionFindings inspectionFindings(InspectionRepository inspections) {
    return new InspectionFindings(inspections);
  }

  /** A complaint clue accepted by the 职改办: opens the on-site inspection in this process. */
  @Bean("openOnSiteInspection")
  JavaDelegate openOnSiteInspection(InspectionService service) {
    return execution -> {
      var inspection = service.openInProcess(new InspectionService.Request(null,
          (String) execution.getVariable("committeeCode"), List.of("现场观摩", "查阅资料"), "COMPLAINT",
          "实地监督管理：" + execution.getVariable("complaintClue")), execution.getProcessInstanceId(),
          (String) execution.getVariable("onSiteDecidedBy"));
      execution.setVariable("inspectionId", inspection.id());
      execution.setVariable("inspectionTitle", service.title(inspection));
    };
  }

  @Bean("recordOnSiteDecision")
  TaskListener recordOnSiteDecision(CurrentUser currentUser) {
    return task -> task.setVariable("onSiteDecidedBy", currentUser.completing(task));
  }

  /** The inspector confirms the findings (recorded through the API) and the conclusion; they are frozen. */
  @Bean("closeInspectionFindings")
  TaskListener closeInspectionFindings(InspectionService service) {
    return task -> {
      String conclusion = text(task, "inspectionConclusion", "督查结论");
      long id = ((Number) task.getVariable("inspectionId")).longValue();
      task.setVariable("findingCount", service.closeFindings(id, conclusion).size());
      task.getExecution().removeVariable("inspectionConclusion");
    };
  }

  /** Each rectification's own scope: its due time for the overdue timer and the fields its forms fill. */
  @Bean("prepareFinding")
  ExecutionListener prepareFinding(InspectionService service) {
    return execution -> {
      Finding f = service.finding(((Number) execution.getVariable("findingId")).longValue());
      execution.setVariableLocal("findingSummary", "【" + f.rule() + "】责任：" + f.responsible() + "；整改要求："
          + f.rectification() + "；期限：" + f.deadlineWorkingDays() + " 个工作日，至 " + f.dueDate());
      // Overdue once the last working day has passed.
      execution.setVariableLocal("findingDue",
          Date.from(f.dueDate().plusDays(1).atStartOfDay(PlatformConfig.ZONE).toInstant()));
      for (String local : List.of("rectificationAnswer", "rectificationAccepted", "verificationNote",
          "accountability", "accountabilityRegulation", "overdueSupervisionNote")) {
        execution.setVariableLocal(local, null);
      }
    };
  }

  @Bean("answerFinding")
  TaskListener answerFinding(InspectionService service, CurrentUser currentUser) {
    return task -> service.answer(findingId(task), text(task, "rectificationAnswer", "整改情况"),
        currentUser.completing(task));
  }

  /** The inspector's verification; an accountability measure must cite its regulation. */
  @Bean("verifyFinding")
  TaskListener verifyFinding(InspectionService service, CurrentUser currentUser) {
    return task -> {
      Object accepted = task.getVariable("rectificationAccepted");
      if (!"yes".equals(accepted) && !"no".equals(accepted)) {
        throw new BadUserRequestException("请选择整改是否到位");
      }
      String accountability = optional(task, "accountability");
      String regulation = optional(task, "accountabilityRegulation");
      if (accountability != null && regulation == null) {
        throw new BadUserRequestException("登记问责措施须注明所依据的规定（accountabilityRegulation）");
      }
      service.verify(findingId(task), "yes".equals(accepted), text(task, "verificationNote", "核验意见"),
          accountability, regulation, currentUser.completing(task));
    };
  }

  @Bean("escalateOverdueFinding")
  JavaDelegate escalateOverdueFinding(InspectionService service) {
    return execution -> service.escalate(((Number) execution.getVariable("findingId")).longValue());
  }

  @Bean("superviseOverdueFinding")
  TaskListener superviseOverdueFinding(InspectionService service, CurrentUser currentUser) {
    return task -> service.superviseOverdue(findingId(task), text(task, "overdueSupervisionNote", "督办意见"),
        currentUser.completing(task));
  }

  @Bean("concludeInspection")
  ExecutionListener concludeInspection(InspectionService service) {
    return execution -> service.conclude(((Number) execution.getVariable("inspectionId")).longValue());
  }

  private static long findingId(DelegateTask task) {
    return ((Number) task.getVariable("findingId")).longValue();
  }

  private static String text(DelegateTask task, String field, String label) {
    String value = optional(task, field);
    if (value == null) {
      throw new BadUserRequestException("请填写" + label + "（" + field + "）");
    }
    return value;
  }

  private static String optional(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
