package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.web.BusinessException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The engine's view of who is calling: set by {@link BasicAuthenticationFilter} or by the engine itself. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The authenticated user id, or null inside a job. */
  public String id() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** Who completes a task: the authenticated user (Tasklist, REST), else the task's assignee. */
  public String completing(DelegateTask task) {
    String user = id();
    return user != null ? user : task.getAssignee();
  }

  public List<String> groups() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
  }

  public boolean isIn(String group) {
    return groups().contains(group);
  }

  /** Refuses the request unless the caller is in one of the groups; administrators always pass. */
  public String requireAnyGroup(String... allowed) {
    String user = id();
    if (user == null) {
      throw new BusinessException(HttpStatus.UNAUTHORIZED, "未登录");
    }
    if (isIn(Groups.ADMIN) || Arrays.stream(allowed).anyMatch(this::isIn)) {
      return user;
    }
    String names = Arrays.stream(allowed).map(Groups::name).collect(Collectors.joining("、"));
    throw BusinessException.forbidden("账号 " + user + " 无权执行此操作：需要属于以下用户组之一：" + names);
  }
}
