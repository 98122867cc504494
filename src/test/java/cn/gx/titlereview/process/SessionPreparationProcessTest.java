package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/SessionPreparation.bpmn")
class SessionPreparationProcessTest extends ProcessTest {

  @Test
  void eligibilityGateThatHoldsEndsTheStage() {
    ProcessInstance instance = startStage("SessionPreparation");
    assertThat(instance).isWaitingAt("Task_ReviewEligibility").task().hasCandidateUser("staff1");
    completeTask("Task_ReviewEligibility", "eligibilityReviewDone", true);
    assertThat(instance).isEnded().hasPassed("Task_CheckEligibilityGate");
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("eligibility");
  }

  @Test
  void failedEligibilityGateStopsAtRectificationUntilItHolds() {
    ProcessTestEngine.failGateOnce("eligibility");
    ProcessInstance instance = startStage("SessionPreparation");
    completeTask("Task_ReviewEligibility", "eligibilityReviewDone", true);
    assertStoppedForRectification(instance, "Task_RectifyEligibility", "staff1");
    completeTask("Task_RectifyEligibility", "rectificationNote", "已补录资格审查结果");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("eligibility", "eligibility");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("recordAttestation:Task_RectifyEligibility");
  }
}
