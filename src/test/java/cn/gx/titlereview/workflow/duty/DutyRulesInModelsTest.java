package cn.gx.titlereview.workflow.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A duty rule works only where the model calls it: every user task some rule guards has {@code ${separationOfDuties}}
 * on its assignment and complete events, in every model that has that task, and no other task carries it.
 */
@IntegrationTest
class DutyRulesInModelsTest {

  @Autowired SeparationOfDutiesListener listener;

  @Test
  void everyGuardedTaskCallsTheRulesOnClaimAndCompletion() throws IOException {
    Set<String> guardedInModels = new HashSet<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
          List<String> events = task.getExtensionElements() == null ? List.of()
              : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                  .filter(l -> "${separationOfDuties}".equals(l.getCamundaDelegateExpression()))
                  .map(CamundaTaskListener::getCamundaEvent).toList();
          if (listener.guardedTasks().contains(task.getId())) {
            assertThat(events).as(file + " " + task.getId()).containsExactlyInAnyOrder("assignment", "complete");
            guardedInModels.add(task.getId());
          } else {
            assertThat(events).as(file + " " + task.getId() + " is guarded by no rule").isEmpty();
          }
        }
      }
    }
    assertThat(guardedInModels).containsExactlyInAnyOrderElementsOf(listener.guardedTasks());
  }
}
