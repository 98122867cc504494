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
    assertThat(instance).isEnded().hasNotPassed("Task_JustifyPassRate").hasNotPassed("Task_JustifyReviewTime");
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
  void aShortReviewNeedsTheUnitHeadsJustificationBeforeTheGate() {
    ProcessTestEngine.REVIEW_TIMES_SHORT.add(true);
    ProcessInstance instance = startStage("SealedReview");
    completeTask("Task_FormReviewGroups");
    completeTask("Task_RecordVotes");
    completeTask("Task_AttestDiscipline");
    assertThat(instance).isWaitingAt("Task_JustifyReviewTime").task().hasCandidateGroup("unitHead");
    assertThat(ProcessTestEngine.GATES_RUN).isEmpty();
    completeTask("Task_JustifyReviewTime", "reviewTimeJustification", "审阅专家已提前一周审阅全部申报材料");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("review");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("recordAttestation:Task_JustifyReviewTime");
  }

  @Test
  void rectificationReassessesTheReviewTimeBeforeTheGateRunsAgain() {
    ProcessTestEngine.failGateOnce("review");
    ProcessTestEngine.REVIEW_TIMES_SHORT.addAll(java.util.List.of(false, true));
    ProcessInstance instance = startStage("SealedReview");
    completeTask("Task_FormReviewGroups");
    completeTask("Task_RecordVotes");
    completeTask("Task_AttestDiscipline");
    assertStoppedForRectification(instance, "Task_RectifyReview", "staff1");
    completeTask("Task_RectifyReview", "rectificationNote", "已更正评审时间");
    assertThat(instance).isWaitingAt("Task_JustifyReviewTime");
  }

  @Test
  void failedReviewGateStopsAtRectification() {
    ProcessTestEngine.failGateOnce("review");
    ProcessInstance instance = startStage("SealedReview");
    completeTask("Task_FormReviewGroups");
    completeTask("Task_RecordVotes");
    completeTask("Task_AttestDiscipline");
    assertStoppedForRectification(instance, "Task_RectifyReview", "staff1");
    completeTask("Task_RectifyReview", "rectificationNote", "已补充审阅专家");
    assertThat(instance).isEnded();
  }
}
