package cn.gx.titlereview.workspace;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.platform.security.TasklistFilters;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What Tasklist shows of a task, set when the task is created:
 * <ul>
 *   <li>in the task list, its session: copies of {@code sessionCode} and {@code committeeName} on the task itself,
 *       because a user may read the variables of the tasks offered to them, not of the process instance
 *       (the filters list them, {@code platform/security/TasklistFilters});</li>
 *   <li>in the form of a data task (its model names a {@code workspaceSection}), the state of that section's data:
 *       the task variable {@code dataState} (Markdown, shown by the form's text), refreshed whenever the session's
 *       data changes through {@code /api} ({@link DataStateRefresh}). Camunda Forms cannot fetch data themselves;
 *       a variable kept current is their way to show it.</li>
 * </ul>
 */
@Component
class TasklistDisplay extends AbstractProcessEnginePlugin {

  /** The BPMN extension property naming the task's section of the 数据工作台. */
  static final String PROPERTY = "workspaceSection";
  static final String VARIABLE = "dataState";

  private final DataState state;
  private final SessionRepository sessions;
  private final TaskService taskService;
  private final SystemAuthority system;

  TasklistDisplay(@Lazy DataState state, @Lazy SessionRepository sessions, @Lazy TaskService taskService,
      @Lazy SystemAuthority system) {
    this.state = state;
    this.sessions = sessions;
    this.taskService = taskService;
    this.system = system;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener showState = this::show;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, showState);
      }
    });
  }

  /** The section is kept on the task too, for the form's link and for {@link #refresh}. */
  private void show(DelegateTask task) {
    for (String shown : TasklistFilters.SHOWN_VARIABLES) {
      Object value = task.getVariable(shown);
      if (value != null) {
        task.setVariableLocal(shown, value);
      }
    }
    section(task).ifPresent(section -> {
      task.setVariableLocal(PROPERTY, section.anchor());
      task.setVariableLocal(VARIABLE, markdown(sessions.get(ProcessVariables.sessionId(task)), section));
    });
  }

  /** The session's data changed: every open data task of it shows the new state. */
  public void refresh(ReviewSession session) {
    system.run(() -> {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(session.code()).list()) {
        if (taskService.getVariableLocal(task.getId(), PROPERTY) instanceof String anchor) {
          WorkspaceSection.byAnchor(anchor).ifPresent(section ->
              taskService.setVariableLocal(task.getId(), VARIABLE, markdown(session, section)));
        }
      }
    });
  }

  private String markdown(ReviewSession session, WorkspaceSection section) {
    return state.describe(session, section).stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
  }

  private static Optional<WorkspaceSection> section(DelegateTask task) {
    ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst()
        .flatMap(WorkspaceSection::byAnchor);
  }
}
