package cn.gx.titlereview.workflow.attestation;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import java.time.Clock;
import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * On completion of a task whose BPMN declares the extension property {@code attest} (a comma-separated list of
 * form fields), stores each field's value with the user and the time. A missing field refuses the completion,
 * so the task stays open. Designers choose what is attested in the model, not in Java.
 */
@Component("recordAttestation")
class RecordAttestationListener implements TaskListener {

  static final String PROPERTY = "attest";

  private final AttestationRepository attestations;
  private final CurrentUser currentUser;
  private final Clock clock;

  RecordAttestationListener(AttestationRepository attestations, CurrentUser currentUser, Clock clock) {
    this.attestations = attestations;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long sessionId = ProcessVariables.sessionId(task);
    String user = currentUser.completing(task);
    for (String key : attestedFields(task)) {
      Object value = task.getVariable(key);
      if (value == null || value.toString().isBlank()) {
        throw new BadUserRequestException("任务“" + task.getName() + "”的表单字段 " + key + " 未填写，任务未完成");
      }
      attestations.append(sessionId, key, value.toString().trim(), user, clock.instant(), task.getId());
    }
  }

  private static String[] attestedFields(DelegateTask task) {
    ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
    if (extensions == null) {
      return new String[0];
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(k -> !k.isEmpty())
        .toArray(String[]::new);
  }
}
