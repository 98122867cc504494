package cn.gx.titlereview.workspace;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.SystemAuthority;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 已办事项: the tasks the user completed, newest first, each with its session and a link to the session's record.
 * Tasklist lists only open tasks; this is the other half of a working day.
 */
@Controller
class DoneTasksPageController {

  /** How many completed tasks the page lists. */
  static final int SHOWN = 200;

  public record DoneTask(String name, String sessionCode, String completedAt, String due, boolean late) {
  }

  private final HistoryService historyService;
  private final CurrentUser currentUser;
  private final SystemAuthority system;

  DoneTasksPageController(HistoryService historyService, CurrentUser currentUser, SystemAuthority system) {
    this.historyService = historyService;
    this.currentUser = currentUser;
    this.system = system;
  }

  @GetMapping("/tasks/done")
  public String done(Model model) {
    String user = currentUser.id();
    // The user's own history, as the engine lets them read it (their tasks only).
    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().taskAssignee(user).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, SHOWN);
    Set<String> instanceIds = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId)
        .collect(Collectors.toSet());
    // Which session each task belonged to: read by the system, for the user's own tasks only.
    Map<String, String> codes = instanceIds.isEmpty() ? Map.of() : system.call(() -> historyService
        .createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey)));
    Function<Date, String> minutes = d -> d == null ? "" : PlatformConfig.MINUTES.format(d.toInstant());
    model.addAttribute("user", user);
    model.addAttribute("tasks", tasks.stream().map(t -> new DoneTask(t.getName(),
        codes.getOrDefault(t.getProcessInstanceId(), ""), minutes.apply(t.getEndTime()), minutes.apply(t.getDueDate()),
        t.getDueDate() != null && t.getEndTime().after(t.getDueDate()))).toList());
    return "done-tasks";
  }
}
