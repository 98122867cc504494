package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/RecordSignOff.bpmn")
class RecordSignOffProcessTest extends ProcessTest {

  @Test
  void unitHeadThenSupervisorSignThenItIsSubmitted() {
    ProcessInstance instance = startStage("RecordSignOff");
    runDueJobs();
    assertThat(instance).isWaitingAt("Task_UnitHeadSignRecord").task().hasCandidateGroup("unitHead");
    completeTask("Task_UnitHeadSignRecord", "signConfirmed", true);
    assertThat(instance).isWaitingAt("Task_SupervisorSignRecord").task().hasCandidateGroup("supervisor");
    completeTask("Task_SupervisorSignRecord", "signConfirmed", true);
    assertThat(instance).isEnded().variables().containsEntry("submitted", true);
    assertThat(ProcessTestEngine.LISTENER_CALLS)
        .containsExactly("signRecord:Task_UnitHeadSignRecord", "signRecord:Task_SupervisorSignRecord");
  }

  @Test
  void anOpenEarlierGateStopsSigning() {
    ProcessTestEngine.failGateOnce("record");
    ProcessInstance instance = startStage("RecordSignOff");
    runDueJobs();
    assertStoppedForRectification(instance, "Task_RectifyRecord", "staff1");
    assertThat(instance).hasNotPassed("Task_UnitHeadSignRecord");
    completeTask("Task_RectifyRecord", "rectificationNote", "已完成全部整改");
    assertThat(instance).isWaitingAt("Task_UnitHeadSignRecord");
  }
}
