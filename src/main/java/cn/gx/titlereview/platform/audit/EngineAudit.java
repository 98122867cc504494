package cn.gx.titlereview.platform.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Copies the engine's own record of what people did into the audit trail, in the engine's transaction:
 * <ul>
 *   <li>each entry of the engine's user operation log (Cockpit, Tasklist, Admin, {@code /engine-rest}), one audit line
 *       per operation, by a history event handler beside the engine's own — so the line stays when the engine's
 *       history cleanup removes the engine's copy; a change of memberships is also published as
 *       {@link EngineMembershipChanged};</li>
 *   <li>each deployment that brought something new, whoever made it (the start-up deployment of bpmn/ and forms/
 *       too, which the engine does not log), by a command interceptor.</li>
 * </ul>
 * Depends on our schema: the engine starts after Flyway has created the audit tables.
 */
@Component
@DependsOnDatabaseInitialization
class EngineAudit extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AuditTrail> trail;
  private final ApplicationEventPublisher events;

  EngineAudit(ObjectProvider<AuditTrail> trail, ApplicationEventPublisher events) {
    this.trail = trail;
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    // Not a bean itself: the Camunda starter adds every HistoryEventHandler bean too, which would copy each entry twice.
    configuration.getCustomHistoryEventHandlers().add(new OperationLog());
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Deployments());
  }

  /** The engine's user operation log, copied in beside the engine's own database handler. */
  private final class OperationLog implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      handleEvents(List.of(event));
    }

    /** The entries of one operation arrive together (one per changed property): one line for them. */
    @Override
    public void handleEvents(List<HistoryEvent> events) {
      Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();
      for (HistoryEvent event : events) {
        if (event instanceof UserOperationLogEntryEventEntity entry && !isDeployment(entry)) {
          operations.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
        }
      }
      operations.values().forEach(EngineAudit.this::record);
    }
  }

  private void record(List<UserOperationLogEntryEventEntity> entries) {
    UserOperationLogEntryEventEntity first = entries.get(0);
    String changes = entries.stream().filter(e -> e.getProperty() != null)
        .map(e -> e.getProperty() + (e.getOrgValue() == null ? "" : " " + e.getOrgValue() + " →")
            + (e.getNewValue() == null ? "" : " " + e.getNewValue()))
        .collect(Collectors.joining("；"));
    String detail = first.getOperationType() + " " + first.getEntityType()
        + (first.getProcessDefinitionKey() == null ? "" : "（流程 " + first.getProcessDefinitionKey() + "）")
        + (changes.isEmpty() ? "" : "：" + changes);
    trail.getObject().record(first.getUserId(), kindOf(first), subjectOf(first), detail);
    if (EntityTypes.GROUP_MEMBERSHIP.equals(first.getEntityType())) {
      entries.stream().filter(e -> "userId".equals(e.getProperty()) && e.getNewValue() != null).findFirst()
          .ifPresent(e -> events.publishEvent(new EngineMembershipChanged(e.getNewValue())));
    }
  }

  static AuditKind kindOf(UserOperationLogEntry entry) {
    String type = entry.getEntityType() == null ? "" : entry.getEntityType();
    if (UserOperationLogEntry.OPERATION_TYPE_MIGRATE.equals(entry.getOperationType())) {
      return AuditKind.MIGRATION;
    }
    return switch (type) {
      case EntityTypes.USER -> AuditKind.ACCOUNT;
      case EntityTypes.GROUP_MEMBERSHIP, EntityTypes.TENANT_MEMBERSHIP, EntityTypes.GROUP, EntityTypes.TENANT,
          EntityTypes.AUTHORIZATION -> AuditKind.MEMBERSHIP;
      default -> AuditKind.ENGINE_OPERATION;
    };
  }

  /** A session's code where the operation touched one of its process instances; else what the engine names. */
  private static String subjectOf(UserOperationLogEntryEventEntity entry) {
    String instance = entry.getRootProcessInstanceId() != null ? entry.getRootProcessInstanceId()
        : entry.getProcessInstanceId();
    String businessKey = instance == null ? null : businessKey(instance);
    if (businessKey != null) {
      return businessKey;
    }
    if (entry.getDeploymentId() != null) {
      return "deployment:" + entry.getDeploymentId();
    }
    if (entry.getProcessDefinitionKey() != null) {
      return entry.getProcessDefinitionKey();
    }
    if (entry.getNewValue() != null && (EntityTypes.USER.equals(entry.getEntityType())
        || EntityTypes.GROUP_MEMBERSHIP.equals(entry.getEntityType()))) {
      return entry.getNewValue();
    }
    return entry.getEntityType() == null ? "engine" : entry.getEntityType();
  }

  private static String businessKey(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return null;
    }
    ExecutionEntity running = command.getExecutionManager().findExecutionById(processInstanceId);
    if (running != null) {
      return running.getBusinessKey();
    }
    HistoricProcessInstanceEntity ended = command.getHistoricProcessInstanceManager()
        .findHistoricProcessInstance(processInstanceId);
    return ended == null ? null : ended.getBusinessKey();
  }

  private static boolean isDeployment(UserOperationLogEntry entry) {
    return EntityTypes.DEPLOYMENT.equals(entry.getEntityType())
        && UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType());
  }

  /** Records a deployment that deployed something new; an unchanged start-up deployment adds nothing. */
  private final class Deployments extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof DeployCmd)) {
        return next.execute(command);
      }
      Date started = ClockUtil.getCurrentTime();
      T result = next.execute(command);
      if (result instanceof DeploymentWithDefinitions deployment && deployment.getDeploymentTime() != null
          && !deployment.getDeploymentTime().before(new Date(started.getTime() - 1000))) {
        List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
        String models = definitions == null || definitions.isEmpty() ? "（无流程定义，表单或规则表）"
            : definitions.stream().map(d -> d.getKey() + " 第 " + d.getVersion() + " 版")
                .collect(Collectors.joining("、"));
        String actor = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthenticatedUserId();
        trail.getObject().record(actor, AuditKind.DEPLOYMENT, "deployment:" + deployment.getId(),
            "部署 " + (deployment.getName() == null ? "" : deployment.getName() + " ") + models);
      }
      return result;
    }
  }
}
