package cn.gx.titlereview.platform.migration;

import cn.gx.titlereview.platform.web.BusinessException;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moves a session's running instance of one stage (or of the main process) to the latest version of its model, with
 * Camunda's migration API: a plan that maps every activity to the one with the same id in the new version, validated
 * before anything moves. Tasks (with their assignee and candidates), variables, timers and the session's data stay as
 * they are; the instance continues on the new model from where it waits. A plan the engine cannot apply (an activity
 * that the new model removed, a wait state that is no longer one) refuses the whole migration in Chinese, and nothing
 * changes. The engine records the migration in its user operation log with the administrator's id.
 *
 * <p>Only administrators may migrate, at every door: {@code session.SessionMigrationController} checks the group and
 * refuses closed sessions, the web layer refuses the engine's own migration endpoints to everyone else, and the
 * engine's authorization ({@code MIGRATE_INSTANCE}) is granted to nobody. See docs/designers.md.
 */
@Component
public class ModelMigration {

  /** What moved: the process, from which version to which, and the instances (one per session, more for publicity). */
  public record Result(String processKey, int fromVersion, int toVersion, List<String> processInstanceIds) {
  }

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  public ModelMigration(RuntimeService runtimeService, RepositoryService repositoryService) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  /** The session's (business key's) running instances of the process, moved to its latest version. */
  public Result toLatest(String processKey, String businessKey) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (latest == null) {
      throw BusinessException.notFound("没有已部署的流程：" + processKey);
    }
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).active().list().stream()
        .filter(i -> !i.getProcessDefinitionId().equals(latest.getId())).toList();
    if (running.isEmpty()) {
      throw BusinessException.conflict("评审会 " + businessKey + " 没有运行在 " + processKey + " 旧版本上的流程实例，无需迁移");
    }
    String sourceId = running.get(0).getProcessDefinitionId();
    if (running.stream().anyMatch(i -> !i.getProcessDefinitionId().equals(sourceId))) {
      throw BusinessException.conflict("评审会 " + businessKey + " 的 " + processKey + " 实例运行在不同版本上，请先逐个处理");
    }
    int from = repositoryService.getProcessDefinition(sourceId).getVersion();
    List<String> ids = running.stream().map(ProcessInstance::getId).toList();
    try {
      MigrationPlan plan = runtimeService.createMigrationPlan(sourceId, latest.getId())
          .mapEqualActivities()
          .updateEventTriggers()
          .build();
      runtimeService.newMigration(plan).processInstanceIds(ids).execute();
    } catch (MigrationPlanValidationException | MigratingProcessInstanceValidationException e) {
      throw BusinessException.conflict("无法把评审会 " + businessKey + " 的 " + processKey + " 从第 " + from + " 版迁移到第 "
          + latest.getVersion() + " 版：新版本中缺少实例当前所在的环节，或该环节已不是等待状态。未做任何改动。"
          + "引擎的说明：" + e.getMessage());
    }
    return new Result(processKey, from, latest.getVersion(), ids);
  }
}
