package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Each discipline violation item the supervisor answers 是 opens an incident, unless one is already open for it. */
@Component("openDisciplineIncidents")
class OpenDisciplineIncidentsListener implements TaskListener {

  private final DisciplineIncidents incidents;
  private final CurrentUser currentUser;
  private final Clock clock;

  OpenDisciplineIncidentsListener(DisciplineIncidents incidents, CurrentUser currentUser, Clock clock) {
    this.incidents = incidents;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long sessionId = ProcessVariables.sessionId(task);
    Set<String> open = incidents.list(sessionId).stream().filter(i -> !i.disposed())
        .map(DisciplineIncidents.Incident::itemKey).collect(Collectors.toSet());
    ReviewGate.DISCIPLINE.forEach((key, item) -> {
      if (!item.required() && "yes".equals(task.getVariable(key)) && !open.contains(key)) {
        incidents.open(sessionId, key, item.text(), currentUser.completing(task), clock.instant());
      }
    });
  }
}
