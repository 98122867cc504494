package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/ExpertDraw.bpmn", "bpmn/ExpertPanelSize.dmn"})
class ExpertDrawProcessTest extends ProcessTest {

  @Test
  void drawsThePrescribedNumberAfterTheRosterGate() {
    ProcessInstance instance = startStage("ExpertDraw");
    completeTask("Task_ImportRoster", "rosterImported", true);
    assertThat(instance).isWaitingAt("Task_ConfirmRosterAndPresence").task().hasCandidateGroup("supervisor");
    completeTask("Task_ConfirmRosterAndPresence", "officialRosterTotal", 240, "supervisorPresentAtDraw", "yes");
    assertThat(instance).isWaitingAt("Task_ConfirmDrawCommitment").task().hasCandidateGroup("supervisor");
    completeTask("Task_ConfirmDrawCommitment", "drawPhrase", "秉公抽取");
    assertThat(instance).isWaitingAt("Task_RecordExpertResponses")
        .variables().containsEntry("panelSize", 25).containsEntry("reserveCount", 10).containsEntry("minPerGroup", 3);
    completeTask("Task_RecordExpertResponses", "expertResponsesRecorded", true);
    assertThat(instance).isEnded().hasPassed("Task_DrawExperts").hasNotPassed("Task_ImportOfflineDraw");
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("roster", "draw");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("recordAttestation:Task_ConfirmRosterAndPresence",
        "confirmDrawCommitment:Task_ConfirmDrawCommitment");
  }

  @Test
  void anOfflineDrawWaitsForTheUploadedResultAndTheSupervisorsWordThatTheComputerWasOffline() {
    ProcessInstance instance = startStage("ExpertDraw");
    completeTask("Task_ImportRoster");
    completeTask("Task_ConfirmRosterAndPresence");
    completeTask("Task_ConfirmDrawCommitment", "drawOffline", true);
    assertThat(instance).isWaitingAt("Task_ImportOfflineDraw").task().hasCandidateUser("staff1");
    assertThat(instance).hasNotPassed("Task_DrawExperts");
    completeTask("Task_ImportOfflineDraw");
    assertThat(instance).isWaitingAt("Task_AttestOfflineMachine").task().hasCandidateGroup("supervisor");
    assertThat(instance).hasNotPassed("Task_DrawExperts");
    completeTask("Task_AttestOfflineMachine", "drawOfflineMachine", "抽取专用机，已拔除网线");
    assertThat(instance).isWaitingAt("Task_RecordExpertResponses").hasPassed("Task_DrawExperts");
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("requireOfflineResult:Task_ImportOfflineDraw",
        "recordAttestation:Task_AttestOfflineMachine");
  }

  @Test
  void everyHourOfWaitingForAnswersChecksWhoMustBeChasedAndOpensOneChaseTaskWithTheCallList() {
    ProcessInstance instance = startStage("ExpertDraw");
    completeTask("Task_ImportRoster");
    completeTask("Task_ConfirmRosterAndPresence");
    completeTask("Task_ConfirmDrawCommitment");
    assertThat(instance).isWaitingAt("Task_RecordExpertResponses");
    try {
      // The first hour: everyone answered or is still within the time to answer.
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));
      runDueJobs();
      assertThat(instance).isWaitingAt("Task_RecordExpertResponses").hasPassed("EndEvent_NoneOverdue")
          .hasNotPassed("Task_ChaseReplies");
      // The second: someone's answer is overdue; staff get 催复, and the answers are still awaited.
      ProcessTestEngine.REPLIES_OVERDUE.add(true);
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(122))));
      runDueJobs();
      assertThat(instance).isWaitingAt("Task_RecordExpertResponses", "Task_ChaseReplies").task("Task_ChaseReplies")
          .hasCandidateUser("staff1");
      completeTask("Task_ChaseReplies", "repliesChased", true);
      assertThat(instance).hasPassed("EndEvent_RepliesChased").isWaitingAt("Task_RecordExpertResponses");
      completeTask("Task_RecordExpertResponses");
      assertThat(instance).isEnded();
      // Once the answers are recorded, no further check runs.
      assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theDmnTableSetsSmallerPanelsForJuniorCommittees() {
    ProcessInstance instance = startStage("ExpertDraw", "level", "初级");
    completeTask("Task_ImportRoster");
    completeTask("Task_ConfirmRosterAndPresence");
    assertThat(instance).variables().containsEntry("panelSize", 11).containsEntry("reserveCount", 5);
  }

  @Test
  void failedRosterGateReturnsToTheSupervisorAfterRectificationAndNeverDraws() {
    ProcessTestEngine.failGateOnce("roster");
    ProcessInstance instance = startStage("ExpertDraw");
    completeTask("Task_ImportRoster");
    completeTask("Task_ConfirmRosterAndPresence");
    assertStoppedForRectification(instance, "Task_RectifyRoster", "staff1");
    assertThat(instance).hasNotPassed("Task_DrawExperts");
    completeTask("Task_RectifyRoster", "rectificationNote", "已重新导入完整名册");
    assertThat(instance).isWaitingAt("Task_ConfirmRosterAndPresence");
    completeTask("Task_ConfirmRosterAndPresence");
    completeTask("Task_ConfirmDrawCommitment");
    assertThat(instance).isWaitingAt("Task_RecordExpertResponses");
  }

  @Test
  void failedDrawGateStopsAtRectificationUntilItHolds() {
    ProcessTestEngine.failGateOnce("draw");
    ProcessInstance instance = startStage("ExpertDraw");
    completeTask("Task_ImportRoster");
    completeTask("Task_ConfirmRosterAndPresence");
    completeTask("Task_ConfirmDrawCommitment");
    completeTask("Task_RecordExpertResponses");
    assertStoppedForRectification(instance, "Task_RectifyDraw", "staff1");
    completeTask("Task_RectifyDraw", "rectificationNote", "已登记候补递补");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.GATES_RUN).containsExactly("roster", "draw", "draw");
  }
}
