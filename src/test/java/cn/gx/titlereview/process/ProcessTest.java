package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared steps of the model tests: start, complete a task by its id in the model, run due jobs. */
abstract class ProcessTest {

  @RegisterExtension
  ProcessEngineExtension extension = ProcessTestEngine.extension();

  @BeforeEach
  void initAssertions() {
    ProcessTestEngine.reset();
    BpmnAwareTests.init(extension.getProcessEngine());
  }

  @AfterEach
  void resetAssertions() {
    BpmnAwareTests.reset();
  }

  static ProcessInstance startStage(String processKey, Object... extraVariables) {
    Map<String, Object> variables = new HashMap<>(Map.of("sessionId", 1L, "sessionCode", "T-1",
        "committeeName", "测试评委会", "reviewYear", 2026, "level", "正高"));
    for (int i = 0; i < extraVariables.length; i += 2) {
      variables.put((String) extraVariables[i], extraVariables[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey(processKey, "T-1", variables);
  }

  /** Completes the one open task with this id in the model (in any instance of the test), then runs due jobs. */
  static Task completeTask(String taskDefinitionKey, Object... variables) {
    Task task = openTask(taskDefinitionKey);
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    taskService().complete(task.getId(), values);
    runDueJobs();
    return task;
  }

  static Task openTask(String taskDefinitionKey) {
    Task task = taskService().createTaskQuery().taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
    return task;
  }

  /** Runs every job that is due (the gates' asyncBefore, and timers whose time has come). */
  static void runDueJobs() {
    for (int guard = 0; guard < 100; guard++) {
      Job job = managementService().createJobQuery().executable().listPage(0, 1).stream().findFirst().orElse(null);
      if (job == null) {
        return;
      }
      managementService().executeJob(job.getId());
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }

  /** A failing gate stops at its rectification task, offered to the given group, showing the violations. */
  /** The instance waits at the rectification, offered to the candidate (a group, or a user of the session's staff). */
  static void assertStoppedForRectification(ProcessInstance instance, String rectifyTask, String candidate) {
    BpmnAwareTests.assertThat(instance).isWaitingAt(rectifyTask);
    Task task = openTask(rectifyTask);
    assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> candidate.equals(link.getGroupId()) || candidate.equals(link.getUserId()));
    assertThat((String) taskService().getVariable(task.getId(), "gateViolations")).contains("未通过");
  }
}
