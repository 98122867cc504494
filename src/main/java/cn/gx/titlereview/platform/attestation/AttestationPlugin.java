package cn.gx.titlereview.platform.attestation;

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
 * completion, first among its complete listeners. The property alone is what a designer sets (the Modeler template
 * 需留痕的确认任务 sets it; Camunda 7 templates cannot add task listeners), so a forgotten or mistyped listener can no
 * longer leave an attested task unrecorded.
 */
@Component
public class AttestationPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER = "${recordAttestation}";
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

  private static void attestFirst(TaskDefinition task) {
    List<TaskListener> others = new ArrayList<>();
    List<TaskListener> existing = task.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    if (existing != null) {
      existing.stream().filter(l -> !(l instanceof DelegateExpressionTaskListener d && LISTENER.equals(d.getExpressionText())))
          .forEach(others::add);
    }
    task.getTaskListeners().remove(TaskListener.EVENTNAME_COMPLETE);
    task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new DelegateExpressionTaskListener(
        Context.getProcessEngineConfiguration().getExpressionManager().createExpression(LISTENER), List.of()));
    others.forEach(l -> task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, l));
  }
}
