package cn.gx.titlereview.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;

/**
 * A refusal found in an exception's chain of causes, as every door answers it (our API, the engine's REST API, the
 * error page): its status, a type name for the engine's REST format, and the message for the user. The engine wraps
 * what our listeners throw, so the first refusal in the chain counts.
 */
public record Refusal(HttpStatus status, String type, String message) {

  public static final String CONFLICT = "操作冲突，请刷新后重试";
  /** What the engine says when an instance is another organization's (its tenant is not the caller's). */
  static final String NO_AUTHENTICATED_TENANT = "belongs to no authenticated tenant";
  static final String OTHER_JURISDICTION = "无权执行此操作：该流程属于其他单位组建、核准或监管的评委会，本账号所在单位对其没有监管关系";

  /** The database did not answer (restarted, unreachable, or every connection busy): nothing was done. */
  public static final String DATABASE_UNAVAILABLE = "系统暂时无法连接数据库（数据库正在重启、网络中断或繁忙），请稍后重试；"
      + "如不确定刚才的操作是否已保存，请先刷新查看";

  /** The database's disk is full (PostgreSQL's SQL state 53100): what was sent is not stored, nothing else is lost. */
  public static final String DATABASE_FULL = "数据库存储空间已满，本次内容未保存，已保存的数据不受影响；请联系系统管理员扩充存储空间后重试";

  public static Optional<Refusal> in(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
        return Optional.of(new Refusal(HttpStatus.INSUFFICIENT_STORAGE, "StorageFull", DATABASE_FULL));
      }
    }
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BusinessException refused) {
        return Optional.of(new Refusal(refused.status(), "BusinessException", refused.getMessage()));
      }
      if (t instanceof RequestBodyLimit.TooLarge tooLarge) {
        return Optional.of(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge", tooLarge.getMessage()));
      }
      if (t instanceof ConflictRefusal conflict) {
        return Optional.of(new Refusal(HttpStatus.CONFLICT, "BadUserRequestException", conflict.getMessage()));
      }
      if (t instanceof BadUserRequestException refused) {
        return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "BadUserRequestException", refused.getMessage()));
      }
      if (t instanceof AuthorizationException denied) {
        return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "AuthorizationException", notAuthorized(denied)));
      }
      if (t instanceof ProcessEngineException refused && refused.getMessage() != null
          && refused.getMessage().contains(NO_AUTHENTICATED_TENANT)) {
        return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "AuthorizationException", OTHER_JURISDICTION));
      }
      if (t instanceof TaskAlreadyClaimedException claimed) {
        return Optional.of(new Refusal(HttpStatus.CONFLICT, "TaskAlreadyClaimedException",
            "任务已由 " + claimed.getTaskAssignee() + " 认领，请刷新后再试"));
      }
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
        return Optional.of(new Refusal(HttpStatus.CONFLICT, "OptimisticLockingException", CONFLICT));
      }
      if (databaseUnavailable(t)) {
        return Optional.of(new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DATABASE_UNAVAILABLE));
      }
    }
    return Optional.empty();
  }

  /**
   * No connection to the database: the pool timed out, the connection was refused or broke, or the server is shutting
   * down (SQL states 08xxx, "connection exception", and 57Pxx, "operator intervention", as PostgreSQL reports a
   * restart), or a commit or rollback that could not reach it. A 503, which a client may retry, not a 500: the
   * request's transaction was rolled back, except when the connection broke during the commit itself, when the
   * client cannot know (hence the message's advice to look before repeating).
   */
  static boolean databaseUnavailable(Throwable t) {
    if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
      return true; // the commit or rollback could not reach the database: the connection broke
    }
    if (t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
      return true;
    }
    String state = t instanceof SQLException sql ? sql.getSQLState() : null;
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private static String notAuthorized(AuthorizationException denied) {
    String missing = denied.getMissingAuthorizations().stream()
        .map(m -> m.getViolatedPermissionName() + "@" + m.getResourceType())
        .distinct().collect(Collectors.joining("、"));
    return "无权执行此操作：账号 " + denied.getUserId() + " 不是此任务或流程的办理人，或此操作只对系统管理员开放"
        + (missing.isEmpty() ? "" : "（缺少权限：" + missing + "）");
  }
}
