package cn.gx.titlereview.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * How the engine's REST API answers a refusal, at both its doors: {@code /engine-rest} and the webapps' own
 * ({@code /camunda/api/engine}, which Tasklist uses). Our task listeners refuse with a Chinese
 * {@link BadUserRequestException}; the engine wraps it ("ENGINE-03051 There was an exception while invoking the
 * TaskListener…") and the REST layer wraps it again, as a 500. Here the user gets the Chinese message alone:
 * <ul>
 *   <li>a listener's refusal → 400;</li>
 *   <li>a missing authorization → 403, in Chinese;</li>
 *   <li>two requests racing on one task → 409.</li>
 * </ul>
 * Everything else is answered as Camunda does. Jersey finds this through {@code META-INF/services} (an
 * {@link AutoDiscoverable}), so every JAX-RS application of the engine and the webapps gets it.
 */
public final class EngineRefusals implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(ForRestExceptions.class);
    context.register(ForEngineExceptions.class);
  }

  @Priority(1)
  public static class ForRestExceptions implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response refusal = refusal(exception);
      return refusal != null ? refusal : camunda.toResponse(exception);
    }
  }

  @Priority(1)
  public static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response refusal = refusal(exception);
      return refusal != null ? refusal : camunda.toResponse(exception);
    }
  }

  /** Our answer to the first refusal in the chain of causes, or null to answer as Camunda does. */
  static Response refusal(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException refused) {
        return answer(Response.Status.BAD_REQUEST, "BadUserRequestException", refused.getMessage());
      }
      if (t instanceof AuthorizationException denied) {
        return answer(Response.Status.FORBIDDEN, "AuthorizationException", notAuthorized(denied));
      }
      if (t instanceof TaskAlreadyClaimedException claimed) {
        return answer(Response.Status.CONFLICT, "TaskAlreadyClaimedException",
            "任务已由 " + claimed.getTaskAssignee() + " 认领，请刷新后再试");
      }
      if (t instanceof OptimisticLockingException) {
        return answer(Response.Status.CONFLICT, "OptimisticLockingException", "操作冲突，请刷新后重试");
      }
    }
    return null;
  }

  private static String notAuthorized(AuthorizationException denied) {
    String missing = denied.getMissingAuthorizations().stream()
        .map(m -> m.getViolatedPermissionName() + "@" + m.getResourceType())
        .distinct().collect(Collectors.joining("、"));
    return "无权执行此操作：账号 " + denied.getUserId() + " 不是此任务或流程的办理人，或此操作只对系统管理员开放"
        + (missing.isEmpty() ? "" : "（缺少权限：" + missing + "）");
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
