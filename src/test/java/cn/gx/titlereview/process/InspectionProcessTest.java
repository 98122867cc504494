package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/Inspection.bpmn")
class InspectionProcessTest extends ProcessTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachFindingIsAnsweredByTheUnitAndVerifiedByTheInspectorWithARejectionSendingItBack() {
    ProcessTestEngine.FINDINGS.addAll(List.of(11L, 12L));
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("Task_RecordInspectionFindings").task().hasCandidateGroup("approver");
    completeTask("Task_RecordInspectionFindings", "inspectionConclusion", "发现两处问题");
    List<Task> answers = tasks("Task_AnswerFinding");
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0)).hasCandidateUser("staff1");

    for (Task answer : answers) {
      taskService().complete(answer.getId(), Map.of("rectificationAnswer", "已整改"));
    }
    List<Task> verifications = tasks("Task_VerifyFinding");
    assertThat(verifications.get(0)).hasCandidateGroup("approver");
    taskService().complete(verifications.get(0).getId(), Map.of("rectificationAccepted", "yes"));
    taskService().complete(verifications.get(1).getId(), Map.of("rectificationAccepted", "no"));
    assertThat(tasks("Task_AnswerFinding")).hasSize(1);
    completeTask("Task_AnswerFinding", "rectificationAnswer", "已重新整改");
    completeTask("Task_VerifyFinding", "rectificationAccepted", "yes");
    assertThat(instance).isEnded().hasPassed("EndEvent_InspectionConcluded").hasNotPassed("Task_SuperviseOverdueFinding");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("concludeInspection");
  }

  @Test
  void anOverdueRectificationEscalatesToTheDepartmentHeadAndStillAwaitsTheAnswer() {
    ProcessTestEngine.FINDINGS.add(11L);
    ProcessInstance instance = start();
    completeTask("Task_RecordInspectionFindings", "inspectionConclusion", "发现一处问题");
    runDueJobs();
    assertThat(instance).isWaitingAt("Task_AnswerFinding");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(4))));
    runDueJobs();
    assertThat(instance).isWaitingAt("Task_AnswerFinding", "Task_SuperviseOverdueFinding");
    assertThat(openTask("Task_SuperviseOverdueFinding")).hasCandidateGroup("deptHead");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("escalateOverdueFinding");
    completeTask("Task_SuperviseOverdueFinding", "overdueSupervisionNote", "限三日内整改到位");
    completeTask("Task_AnswerFinding", "rectificationAnswer", "已整改");
    completeTask("Task_VerifyFinding", "rectificationAccepted", "yes");
    assertThat(instance).isEnded();
  }

  @Test
  void anInspectionWithoutFindingsConcludesAtOnce() {
    ProcessInstance instance = start();
    completeTask("Task_RecordInspectionFindings", "inspectionConclusion", "未发现问题");
    assertThat(instance).isEnded().hasNotPassed("SubProcess_Rectification");
  }

  @Test
  void aComplaintClueIsProposedToTheApproverWhoDecides() {
    ProcessInstance declined = runtimeService().startProcessInstanceByMessage("Message_ComplaintThresholdReached",
        Map.of("committeeName", "测试评委会", "complaintClue", "信访件 3 件"));
    assertThat(declined).isWaitingAt("Task_ConsiderOnSiteInspection").task().hasCandidateGroup("approver");
    completeTask("Task_ConsiderOnSiteInspection", "onSiteAccepted", "no", "onSiteDecisionNote", "信访件已逐件核实");
    assertThat(declined).isEnded().hasPassed("EndEvent_OnSiteDeclined");

    ProcessInstance accepted = runtimeService().startProcessInstanceByMessage("Message_ComplaintThresholdReached",
        Map.of("committeeName", "测试评委会", "complaintClue", "信访件 3 件"));
    completeTask("Task_ConsiderOnSiteInspection", "onSiteAccepted", "yes", "onSiteDecisionNote", "开展实地监督");
    assertThat(accepted).isWaitingAt("Task_RecordInspectionFindings").hasPassed("Task_OpenOnSiteInspection");
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("Inspection", "督查-1",
        Map.of("inspectionId", 1L, "inspectionTitle", "督查 1"));
  }

  private static List<Task> tasks(String key) {
    return taskService().createTaskQuery().taskDefinitionKey(key).orderByTaskId().asc().list();
  }
}
