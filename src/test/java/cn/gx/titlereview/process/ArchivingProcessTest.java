package cn.gx.titlereview.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/Archiving.bpmn")
class ArchivingProcessTest extends ProcessTest {

  @Test
  void uploadsThenTheGate() {
    ProcessInstance instance = startStage("Archiving");
    completeTask("Task_UploadArchive");
    assertThat(instance).isEnded().hasPassed("Task_CheckArchiveGate");
  }

  @Test
  void failedArchiveGateStopsAtRectification() {
    ProcessTestEngine.failGateOnce("archive");
    ProcessInstance instance = startStage("Archiving");
    completeTask("Task_UploadArchive");
    assertStoppedForRectification(instance, "Task_RectifyArchive", "staff1");
    completeTask("Task_RectifyArchive", "rectificationNote", "已上传会议记录");
    assertThat(instance).isEnded();
  }
}
