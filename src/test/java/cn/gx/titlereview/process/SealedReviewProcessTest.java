package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/SealedReview.bpmn")
class SealedReviewProcessTest extends ProcessTest {

  @Test
  void groupsVotesAndDisciplineThenTheGate() {
    ProcessInstance instance = startStage("SealedReview");
    completeTask("Task_FormReviewGroups");
    completeTask("Task_RecordVotes");
    assertThat(instance).isWaitingAt("Task_AttestDiscipline").task().hasCandidateGroup("supervisor");
    completeTask("Task_AttestDiscipline");
    assertThat(instance).isEnded().hasNotPassed("Task_JustifyPassRate");
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("review");
  }

  @Test
  void aPassRateAboveTheCeilingNeedsTheUnitHeadsWrittenJustification() {
    ProcessTestEngine.PASS_RATES_ABOVE_CEILING.add(true);
    ProcessInstance instance = startStage("SealedReview");
    completeTask("Task_FormReviewGroups");
    completeTask("Task_RecordVotes");
    completeTask("Task_AttestDiscipline");
    assertThat(instance).isWaitingAt("Task_JustifyPassRate").task().hasCandidateGroup("unitHead");
    completeTask("Task_JustifyPassRate", "passRateJustification", "本批申报人业绩突出，经集体评议确认");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("recordAttestation:Task_JustifyPassRate");
  }

  @Test
  void failedReviewGateStopsAtRectification() {
    ProcessTestEngine.failGateOnce("review");
    ProcessInstance instance = startStage("SealedReview");
    completeTask("Task_FormReviewGroups");
    completeTask("Task_RecordVotes");
    completeTask("Task_AttestDiscipline");
    assertStoppedForRectification(instance, "Task_RectifyReview", "staff");
    completeTask("Task_RectifyReview", "rectificationNote", "已补充审阅专家");
    assertThat(instance).isEnded();
  }
}
