package cn.gx.titlereview.workflow.attestation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * A user task that declares the extension property {@code attest} is attested: {@code ${recordAttestation}} runs on its
 * completion, after the separation-of-duties check and before the task's other complete listeners. The property alone
 * is what a designer sets (the Modeler template 需留痕的确认任务 sets it; Camunda 7 templates cannot add task
 * listeners), so a forgotten or mistyped listener can no longer leave an attested task unrecorded.
 */
@Component
public class AttestationPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER = "${recordAttestation}";
  /** platform/duty's SeparationOfDutiesListener, which stays ahead of the attestation. */
  static final String DUTIES = "${separationOfDuties}";
  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(parseListener());
  }

  /** Also for engines built without Spring (the model tests). */
  public static BpmnParseListener parseListener() {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (isAttested(userTaskElement)) {
          attestFirst(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
        }
      }
    };
  }

  static boolean isAttested(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
    return properties != null && properties.elementsNS(CAMUNDA, "property").stream()
        .anyMatch(p -> RecordAttestationListener.PROPERTY.equals(p.attribute("name")));
  }

  /**
   * Who may complete comes first (a refusal by separation of duties names the rule, not an empty field), then the
   * attestation, then the task's own listeners, which may read what was attested.
   */
  private static void attestFirst(TaskDefinition task) {
    List<TaskListener> duties = new ArrayList<>();
    List<TaskListener> others = new ArrayList<>();
    List<TaskListener> existing = task.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    if (existing != null) {
      for (TaskListener listener : existing) {
        String expression = listener instanceof DelegateExpressionTaskListener d ? d.getExpressionText() : null;
        if (DUTIES.equals(expression)) {
          duties.add(listener);
        } else if (!LISTENER.equals(expression)) {
          others.add(listener);
        }
      }
    }
    task.getTaskListeners().remove(TaskListener.EVENTNAME_COMPLETE);
    duties.forEach(l -> task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, l));
    task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new DelegateExpressionTaskListener(
        Context.getProcessEngineConfiguration().getExpressionManager().createExpression(LISTENER), List.of()));
    others.forEach(l -> task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, l));
  }
}
