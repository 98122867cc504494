package cn.gx.titlereview.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * What a task's people may do with it, in the engine itself, whichever door they come through:
 * <ul>
 *   <li>Those a task is offered to (its candidates and its assignee) read, claim, complete, hand back and hand on
 *       the task ({@code READ}, {@code TASK_WORK}, {@code TASK_ASSIGN}), but never rewrite its variables: attested
 *       facts change only by completing their own task. Administrators keep every right.</li>
 *   <li>A task goes only to someone it is offered to: claiming it for, or assigning it to, anyone else is refused,
 *       so that nobody outside a session's staff list can be given one of its tasks. Tasks the model assigns to a
 *       named person (a pledge) are governed by their own rule.</li>
 * </ul>
 */
@Component
class TaskAccessPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new OfferedTaskRights());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, OfferedTaskRights::requireOffered);
      }
    });
  }

  static class OfferedTaskRights extends DefaultAuthorizationProvider {

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
      List<Permission> permissions = new ArrayList<>(List.of(super.getRuntimePermissions(
          enforceSpecificVariablePermission)));
      permissions.add(Permissions.TASK_ASSIGN);
      return permissions.toArray(new Permission[0]);
    }

    static void requireOffered(DelegateTask task) {
      String assignee = task.getAssignee();
      if (assignee == null || task.getCandidates().isEmpty() || isMember(task, assignee, Groups.ADMIN)) {
        return;
      }
      for (IdentityLink candidate : task.getCandidates()) {
        if (assignee.equals(candidate.getUserId())
            || candidate.getGroupId() != null && isMember(task, assignee, candidate.getGroupId())) {
          return;
        }
      }
      throw new BadUserRequestException("账号 " + assignee + " 不是任务“" + task.getName()
          + "”的办理人，不能认领或被指派此任务；本评审会工作人员的任务只交给名单上的工作人员");
    }

    private static boolean isMember(DelegateTask task, String user, String group) {
      return task.getProcessEngineServices().getIdentityService().createUserQuery().userId(user)
          .memberOfGroup(group).count() > 0;
    }
  }
}
