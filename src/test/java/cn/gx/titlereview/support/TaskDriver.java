package cn.gx.titlereview.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Works tasks as real users do: authenticated with their groups, seeing only what they may, claiming first. */
@Component
public class TaskDriver {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final ManagementService managementService;

  TaskDriver(TaskService taskService, IdentityService identityService, ManagementService managementService) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.managementService = managementService;
  }

  /** The open tasks with this id in the model that the user can see in a process instance, oldest first. */
  public List<Task> visible(String user, String processInstanceId, String taskKey) {
    return as(user, () -> taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().orderByTaskId().asc().list());
  }

  public void claim(String user, Task task) {
    as(user, () -> {
      taskService.claim(task.getId(), user);
      return null;
    });
  }

  /** Claims and completes the task as the user, then runs the jobs that fall due. */
  public void complete(String user, Task task, Object... variables) {
    as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), vars(variables));
      return null;
    });
    runJobs();
  }

  /** The one task with this id the user can see in the instance, completed. */
  public void completeOnly(String user, String processInstanceId, String taskKey, Object... variables) {
    List<Task> tasks = visible(user, processInstanceId, taskKey);
    assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
    complete(user, tasks.get(0), variables);
  }

  public void runJobs() {
    for (int guard = 0; guard < 50; guard++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  public <T> T as(String user, Callable<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    // As the webapps and the REST filter do: with the tenants (committees) the user's organization stands towards.
    List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identityService.setAuthentication(user, groups, tenants);
    try {
      return action.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  public static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
