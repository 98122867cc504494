package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/Publicity.bpmn")
class PublicityProcessTest extends ProcessTest {

  @Test
  void waitsForThePeriodToEndBeforeComplaintsAreVerified() {
    ProcessInstance instance = startStage("Publicity", "publicityRound", 2);
    completeTask("Task_OpenPublicity");
    assertThat(instance).isWaitingAt("Event_PublicityPeriodEnded");
    assertThat(job()).hasDueDate(
        (java.util.Date) org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
            .getVariable(instance.getId(), "publicityEndsAt"));
    execute(job());
    assertThat(instance).isWaitingAt("Task_VerifyComplaints").task().hasCandidateGroup("supervisor");
    completeTask("Task_VerifyComplaints");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("openPublicityRound:Task_OpenPublicity");
  }

  @Test
  void eachComplaintDuringTheRoundOpensAVerificationTaskForTheSupervisor() {
    ProcessInstance instance = startStage("Publicity", "publicityRound", 1);
    completeTask("Task_OpenPublicity");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .createMessageCorrelation("Message_ComplaintReceived").processInstanceId(instance.getId())
        .setVariableLocal("complaintId", 7L).correlate();
    assertThat(instance).isWaitingAt("Event_PublicityPeriodEnded", "Task_VerifyComplaint");
    assertThat(openTask("Task_VerifyComplaint")).isNotNull();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(openTask("Task_VerifyComplaint"))
        .hasCandidateGroup("supervisor");
    completeTask("Task_VerifyComplaint", "complaintSubstantiated", "no", "complaintFinding", "经核实不属实");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("verifyComplaint:Task_VerifyComplaint");
    assertThat(instance).isWaitingAt("Event_PublicityPeriodEnded");
  }

  @Test
  void failedPublicityGateStopsAtRectificationForTheSupervisor() {
    ProcessTestEngine.failGateOnce("publicity");
    ProcessInstance instance = startStage("Publicity", "publicityRound", 1);
    completeTask("Task_OpenPublicity");
    assertThat(instance).isWaitingAt("Event_PublicityPeriodEnded");
    execute(job());
    completeTask("Task_VerifyComplaints");
    assertStoppedForRectification(instance, "Task_RectifyPublicity", "supervisor");
    completeTask("Task_RectifyPublicity", "rectificationNote", "已核查信访件 3");
    assertThat(instance).isEnded();
  }
}
