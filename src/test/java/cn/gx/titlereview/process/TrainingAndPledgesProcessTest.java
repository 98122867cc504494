package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/TrainingAndPledges.bpmn")
class TrainingAndPledgesProcessTest extends ProcessTest {

  @Test
  void eachStaffMemberSignsTheirOwnPledgeThenTheGateRuns() {
    ProcessInstance instance = startStage("TrainingAndPledges");
    assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_SignStaffPledge").list())
        .extracting(Task::getAssignee).containsExactlyInAnyOrder("staff1", "staff4");
    for (Task pledge : taskService().createTaskQuery().taskDefinitionKey("Task_SignStaffPledge").list()) {
      taskService().complete(pledge.getId());
    }
    // Each signature leaves the multi-instance through its own job, so that signatures given at the same moment
    // never collide on the shared counters.
    runDueJobs();
    completeTask("Task_RecordTrainingAndExpertPledges", "trainingCoursewareWatched", "yes");
    assertThat(instance).isEnded();
    assertThat(ProcessTestEngine.LISTENER_CALLS).containsSubsequence("recordStaffPledge:Task_SignStaffPledge",
        "recordStaffPledge:Task_SignStaffPledge", "recordAttestation:Task_RecordTrainingAndExpertPledges");
  }

  @Test
  void failedPledgeGateStopsAtRectification() {
    ProcessTestEngine.failGateOnce("pledges");
    ProcessInstance instance = startStage("TrainingAndPledges");
    taskService().createTaskQuery().taskDefinitionKey("Task_SignStaffPledge").list()
        .forEach(t -> taskService().complete(t.getId()));
    runDueJobs();
    completeTask("Task_RecordTrainingAndExpertPledges");
    assertStoppedForRectification(instance, "Task_RectifyPledges", "staff1");
    completeTask("Task_RectifyPledges", "rectificationNote", "已补签");
    assertThat(instance).isEnded();
  }
}
