package cn.gx.titlereview.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A failure of ours answers a Chinese 500 with an error id, and the log has the stack trace under that id; the body
 * never carries the exception's text. The same for our API and for Spring's error path.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorRepliesTest {

  private static final String SECRET = "org.apache.Something failed at jdbc:postgresql://db/secret";

  @Test
  void anUnexpectedExceptionInTheApiIsAChinese500WithAnErrorIdThatTheLogCarries(CapturedOutput log) {
    ResponseEntity<ErrorReply> reply = new ApiExceptionHandler()
        .other(new IllegalStateException(SECRET), new MockHttpServletRequest("POST", "/api/sessions/X/votes"));
    String id = reply.getBody().errorId();
    assertThat(reply.getStatusCode().value()).isEqualTo(500);
    assertThat(id).matches("[0-9a-f]{8}");
    assertThat(reply.getBody().error()).contains("服务器内部错误", id).doesNotContain("org.apache");
    assertThat(log.getOut()).contains("Unexpected error " + id + " on POST /api/sessions/X/votes",
        "java.lang.IllegalStateException: " + SECRET, "\tat ");
  }

  @Test
  void aLostRaceOnTheEnginesLockingIs409WhereverItIsWrapped() {
    ResponseEntity<ErrorReply> reply = new ApiExceptionHandler().other(new ProcessEngineException("ENGINE-x",
        new OptimisticLockingException("ENGINE-03005 updated by another transaction concurrently")),
        new MockHttpServletRequest("POST", "/api/x"));
    assertThat(reply.getStatusCode().value()).isEqualTo(409);
    assertThat(reply.getBody()).isEqualTo(ErrorReply.of("操作冲突，请刷新后重试"));
  }

  /**
   * The database away, however the failure reaches us: PostgreSQL shutting down (57P01), a connection broken (08006),
   * a rollback that could not reach it (as the soak run's network cut showed), the pool timing out. A full disk is 507.
   */
  @Test
  void aDatabaseThatIsAwayIsARetryable503WhereverItIsWrapped() {
    java.util.List<Exception> outages = java.util.List.of(
        new ProcessEngineException("ENGINE-x", new java.sql.SQLException("terminating connection", "57P01")),
        new ProcessEngineException("An exception occurred in the persistence layer",
            new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"))),
        new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
            new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
        new IllegalStateException(new java.sql.SQLException("An I/O error occurred", "08006")));
    for (Exception outage : outages) {
      ResponseEntity<ErrorReply> reply = new ApiExceptionHandler().other(outage,
          new MockHttpServletRequest("GET", "/api/x"));
      assertThat(reply.getStatusCode().value()).as(outage.toString()).isEqualTo(503);
      assertThat(reply.getBody().error()).contains("数据库", "稍后重试");
    }
    ResponseEntity<ErrorReply> full = new ApiExceptionHandler().other(new ProcessEngineException("x",
        new java.sql.SQLException("could not extend file: No space left on device", "53100")),
        new MockHttpServletRequest("POST", "/api/x"));
    assertThat(full.getStatusCode().value()).isEqualTo(507);
    assertThat(Refusal.in(new IllegalStateException(new java.sql.SQLException("syntax error", "42601")))).isEmpty();
  }

  @Test
  void theErrorPathAnswersAFilterFailureTheSameWay(CapturedOutput log) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/camunda/api/admin/auth/user/default");
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new ServletException(new NullPointerException(SECRET)));
    ResponseEntity<ErrorReply> reply = new ErrorPageController().json(request);
    String id = reply.getBody().errorId();
    assertThat(reply.getStatusCode().value()).isEqualTo(500);
    assertThat(reply.getBody().error()).contains("服务器内部错误", id).doesNotContain("secret");
    assertThat(log.getOut()).contains("Unexpected error " + id + " on GET /camunda/api/admin/auth/user/default",
        "NullPointerException: " + SECRET);

    String page = new ErrorPageController().page(request).getBody();
    assertThat(page).contains("服务器内部错误", "<html lang=\"zh-CN\">").doesNotContain("secret", "Whitelabel");
  }

  @Test
  void theErrorPathNamesARefusalWithoutAnIdAndAnUnknownAddressInChinese() {
    MockHttpServletRequest notFound = new MockHttpServletRequest("GET", "/error");
    notFound.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
    assertThat(new ErrorPageController().json(notFound).getBody()).isEqualTo(ErrorReply.of("请求的地址或数据不存在"));

    MockHttpServletRequest tooLarge = new MockHttpServletRequest("POST", "/error");
    tooLarge.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    tooLarge.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new RequestBodyLimit.TooLarge("请求内容超过 25MB 的大小限制"));
    ResponseEntity<ErrorReply> reply = new ErrorPageController().json(tooLarge);
    assertThat(reply.getStatusCode().value()).isEqualTo(413);
    assertThat(reply.getBody()).isEqualTo(ErrorReply.of("请求内容超过 25MB 的大小限制"));
  }
}
