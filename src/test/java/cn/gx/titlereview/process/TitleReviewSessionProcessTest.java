package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/TitleReviewSession.bpmn", "bpmn/SessionPreparation.bpmn", "bpmn/ExpertDraw.bpmn",
    "bpmn/ExpertPanelSize.dmn", "bpmn/TrainingAndPledges.bpmn", "bpmn/SealedReview.bpmn",
    "bpmn/ResultRecheck.bpmn", "bpmn/Publicity.bpmn", "bpmn/Archiving.bpmn", "bpmn/RecordSignOff.bpmn"})
class TitleReviewSessionProcessTest extends ProcessTest {

  @Test
  void aSessionRunsEveryStageInOrderAndEndsConfirmed() {
    ProcessInstance session = startSession();
    walkToApproval();
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("eligibility", "roster", "draw", "pledges", "review",
        "recheck", "publicity", "publicity", "archive", "record");
    completeTask("Task_ConfirmResults", "resultsConfirmed", "yes");
    assertThat(session).isEnded().hasPassed("Task_CheckSignaturesGate", "EndEvent_SessionConfirmed");
    // The session is closed (frozen) at its end, and only there.
    org.assertj.core.api.Assertions.assertThat(ProcessTestEngine.LISTENER_CALLS).filteredOn(c -> c.startsWith("closeSession"))
        .containsExactly("closeSession:EndEvent_SessionConfirmed");
  }

  @Test
  void aRecordChangedAfterSigningIsSignedAgainBeforeTheSessionEnds() {
    ProcessTestEngine.failGateOnce("signatures");
    ProcessInstance session = startSession();
    walkToApproval();
    completeTask("Task_ConfirmResults", "resultsConfirmed", "yes");
    assertThat(session).isWaitingAt("CallActivity_RecordSignOff");
    completeTask("Task_UnitHeadSignRecord");
    completeTask("Task_SupervisorSignRecord");
    completeTask("Task_SetSpotCheck", "spotCheckRatio", 10);
    completeTask("Task_RecordSpotCheck");
    completeTask("Task_ConfirmResults", "resultsConfirmed", "yes");
    assertThat(session).isEnded();
    assertThat(ProcessTestEngine.GATES_RUN).endsWith("signatures", "record", "signatures");
  }

  @Test
  void publicityIsCalledTwiceWithItsRound() {
    startSession();
    walkTo("Task_OpenPublicity");
    assertThat(round()).isEqualTo(1);
    completeTask("Task_OpenPublicity");
    fireTimers();
    completeTask("Task_VerifyComplaints");
    assertThat(round()).isEqualTo(2);
  }

  @Test
  void aStageGateFailureHoldsTheWholeSessionInThatStage() {
    ProcessTestEngine.failGateOnce("review");
    ProcessInstance session = startSession();
    walkTo("Task_RectifyReview");
    assertThat(session).isWaitingAt("CallActivity_SealedReview");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("GX-T-001").count())
        .isEqualTo(2);
  }

  @Test
  void aSpotCheckWithProblemsSendsTheResultsBackToRecheckAndSigningBeforeAnotherSpotCheck() {
    ProcessTestEngine.SPOT_CHECKS.add(false);
    ProcessInstance session = startSession();
    walkTo("Task_RecordSpotCheck");
    completeTask("Task_RecordSpotCheck", "spotCheckProblems", "SB0005 论文检索证明缺失");
    assertThat(session).isWaitingAt("CallActivity_SpotCheckRecheck");
    completeTask("Task_FirstRecheck");
    completeTask("Task_SecondRecheck");
    completeTask("Task_AssessRecheckers", "rechecksFit", "yes");
    assertThat(session).isWaitingAt("CallActivity_RecordSignOff");
    completeTask("Task_UnitHeadSignRecord");
    completeTask("Task_SupervisorSignRecord");
    completeTask("Task_SetSpotCheck", "spotCheckRatio", 20);
    completeTask("Task_RecordSpotCheck");
    assertThat(session).isWaitingAt("Task_ConfirmResults");
    assertThat(ProcessTestEngine.LISTENER_CALLS).filteredOn(c -> c.startsWith("drawSpotCheck")).hasSize(2);
  }

  @Test
  void anApproverWhoDoesNotConfirmEndsTheSessionUnconfirmed() {
    ProcessInstance session = startSession();
    walkToApproval();
    completeTask("Task_ConfirmResults", "resultsConfirmed", "no");
    assertThat(session).isEnded().hasPassed("EndEvent_ResultsNotConfirmed");
    org.assertj.core.api.Assertions.assertThat(ProcessTestEngine.LISTENER_CALLS).filteredOn(c -> c.startsWith("closeSession"))
        .containsExactly("closeSession:EndEvent_ResultsNotConfirmed");
  }

  private static int round() {
    return ((Number) taskService().getVariable(openTask("Task_OpenPublicity").getId(), "publicityRound")).intValue();
  }

  static ProcessInstance startSession() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("TitleReviewSession",
        Map.of("sessionCode", "GX-T-001", "committeeName", "测试评委会", "reviewYear", 2026, "level", "正高"));
    assertThat(instance).isWaitingAt("CallActivity_Preparation");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey()).isEqualTo("GX-T-001");
    return instance;
  }

  private static final String[] STEPS = {"Task_ReviewEligibility", "Task_ImportRoster",
      "Task_ConfirmRosterAndPresence", "Task_ConfirmDrawCommitment", "Task_RecordExpertResponses", "Task_SignStaffPledge",
      "Task_RecordTrainingAndExpertPledges", "Task_FormReviewGroups", "Task_RecordVotes", "Task_AttestDiscipline",
      "Task_FirstRecheck", "Task_SecondRecheck", "Task_AssessRecheckers", "Task_OpenPublicity", "Task_VerifyComplaints",
      "Task_OpenPublicity", "Task_VerifyComplaints", "Task_UploadArchive", "Task_UnitHeadSignRecord",
      "Task_SupervisorSignRecord", "Task_SetSpotCheck", "Task_RecordSpotCheck"};

  private static void walkToApproval() {
    walkTo("Task_ConfirmResults");
  }

  /** Completes the steps in order until the given task is open. */
  static void walkTo(String target) {
    runDueJobs();
    for (String step : STEPS) {
      if (taskService().createTaskQuery().taskDefinitionKey(target).count() > 0) {
        return;
      }
      taskService().createTaskQuery().taskDefinitionKey(step).list()
          .forEach(task -> taskService().complete(task.getId(), Map.of("rechecksFit", "yes")));
      fireTimers();
      runDueJobs();
    }
    assertThat(taskService().createTaskQuery().taskDefinitionKey(target).count()).isEqualTo(1);
  }

  /** Publicity periods last days: the model test moves past them by firing their timers. */
  static void fireTimers() {
    managementService().createJobQuery().timers().list()
        .forEach(job -> managementService().executeJob(job.getId()));
  }
}
