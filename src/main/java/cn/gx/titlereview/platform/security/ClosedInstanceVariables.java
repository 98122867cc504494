package cn.gx.titlereview.platform.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Finality at the engine's door: once a session is closed, nobody sets, changes or removes a variable of its process
 * instances through Cockpit, Tasklist or {@code /engine-rest} — not the system administrator, not the bootstrap
 * account. The product's own steps after the close (publicity, archive) write through their tasks and delegates,
 * not through these doors, and go on.
 */
@Component
class ClosedInstanceVariables extends AbstractProcessEnginePlugin {

  private final ObjectProvider<Finality> finality;

  ClosedInstanceVariables(ObjectProvider<Finality> finality) {
    this.finality = finality;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
  }

  private final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if ((command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) && fromEngineDoor()) {
        String businessKey = businessKey(entityId(command), command.getClass().getSimpleName().contains("Task"));
        Optional<String> refusal = businessKey == null ? Optional.empty()
            : finality.stream().findFirst().flatMap(f -> f.refusal(businessKey));
        if (refusal.isPresent()) {
          throw new BadUserRequestException("不能修改流程变量：" + refusal.get());
        }
      }
      return next.execute(command);
    }
  }

  /** Cockpit, Tasklist and Admin call {@code /camunda/api/engine}; systems call {@code /engine-rest}. */
  private static boolean fromEngineDoor() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      String uri = attributes.getRequest().getRequestURI();
      return uri.startsWith("/engine-rest/") || uri.startsWith("/camunda/api/engine/");
    }
    return false;
  }

  private static String businessKey(String entityId, boolean task) {
    CommandContext command = Context.getCommandContext();
    if (entityId == null || command == null) {
      return null;
    }
    String executionId = entityId;
    if (task) {
      TaskEntity taskEntity = command.getTaskManager().findTaskById(entityId);
      executionId = taskEntity == null ? null : taskEntity.getProcessInstanceId();
    }
    ExecutionEntity execution = executionId == null ? null
        : command.getExecutionManager().findExecutionById(executionId);
    if (execution == null) {
      return null;
    }
    ExecutionEntity instance = execution.getProcessInstance();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** The task's or execution's id the variable command works on (the engine keeps it in a protected field). */
  private static String entityId(Object command) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField("entityId");
        field.setAccessible(true);
        return (String) field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }
}
