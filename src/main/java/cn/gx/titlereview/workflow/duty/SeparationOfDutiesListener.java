package cn.gx.titlereview.workflow.duty;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${separationOfDuties}}, on the {@code assignment} and {@code complete} events of a guarded user task: refuses
 * a claim or an assignment to a user the task's {@link DutyRule}s exclude, and a completion by such a user. The
 * refusal rolls the claim or completion back; the task stays as it was.
 */
@Component("separationOfDuties")
class SeparationOfDutiesListener implements TaskListener {

  private final Map<String, List<DutyRule>> rulesByTask = new HashMap<>();
  private final CurrentUser currentUser;

  SeparationOfDutiesListener(List<DutyRule> rules, CurrentUser currentUser) {
    this.currentUser = currentUser;
    rules.forEach(rule -> rule.taskKeys()
        .forEach(key -> rulesByTask.computeIfAbsent(key, k -> new ArrayList<>()).add(rule)));
  }

  /** The task ids some rule guards: each needs this listener in its model. */
  public Set<String> guardedTasks() {
    return rulesByTask.keySet();
  }

  @Override
  public void notify(DelegateTask task) {
    String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : currentUser.completing(task);
    if (user == null) {
      return;
    }
    long sessionId = ProcessVariables.sessionId(task);
    for (DutyRule rule : rulesByTask.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      rule.refusal(task, sessionId, user).ifPresent(reason -> {
        throw new BadUserRequestException(reason);
      });
    }
  }
}
