package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/ResultRecheck.bpmn")
class ResultRecheckProcessTest extends ProcessTest {

  @Test
  void twoRechecksThenTheGate() {
    ProcessInstance instance = startStage("ResultRecheck");
    completeTask("Task_FirstRecheck", "recheckMode", "cross", "recheckUnit", "南宁市人社局");
    completeTask("Task_SecondRecheck");
    assertThat(instance).isWaitingAt("Task_AssessRecheckers").task().hasCandidateGroup("supervisor");
    completeTask("Task_AssessRecheckers", "rechecksFit", "yes");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.LISTENER_CALLS).contains("recordAttestation:Task_FirstRecheck",
        "assessRecheckers:Task_AssessRecheckers");
  }

  @Test
  void anUnfitRecheckerSendsTheRecheckBackToBeRedone() {
    ProcessInstance instance = startStage("ResultRecheck");
    completeTask("Task_FirstRecheck");
    completeTask("Task_SecondRecheck");
    completeTask("Task_AssessRecheckers", "rechecksFit", "no", "unfitRechecker", "staff4", "unfitNote", "未核对表决票数");
    assertThat(instance).isWaitingAt("Task_FirstRecheck");
    assertThat(ProcessTestEngine.GATES_RUN).isEmpty();
  }

  @Test
  void failedRecheckGateStopsAtRectification() {
    ProcessTestEngine.failGateOnce("recheck");
    ProcessInstance instance = startStage("ResultRecheck");
    completeTask("Task_FirstRecheck");
    completeTask("Task_SecondRecheck");
    completeTask("Task_AssessRecheckers", "rechecksFit", "yes");
    assertStoppedForRectification(instance, "Task_RectifyRecheck", "staff1");
    completeTask("Task_RectifyRecheck", "rectificationNote", "已由另一人完成第二人复核");
    assertThat(instance).isEnded();
  }
}
