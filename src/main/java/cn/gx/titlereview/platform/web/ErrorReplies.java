package cn.gx.titlereview.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The body of every refusal and failure we answer: {@code {"error": "<Chinese>"}}, with {@code "errorId"} when the
 * server failed, which the log carries beside the stack trace. Never a library's or an exception's text.
 */
final class ErrorReplies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorReplies() {
  }

  /** A short id to quote to an administrator, who finds the stack trace in the log under it. */
  public static String newErrorId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** What to say for a status when nothing more precise is known. */
  public static String forStatus(int status) {
    return switch (status) {
      case 400 -> "请求格式不正确，请检查后重试";
      case 401 -> "需要登录：请先在登录页登录，或在请求中以 HTTP Basic 提供账号和密码";
      case 403 -> "无权执行此操作";
      case 404 -> "请求的地址或数据不存在";
      case 405 -> "不支持此请求方法";
      case 406 -> "无法以所要求的格式返回结果";
      case 408 -> "请求超时，请重试";
      case 409 -> "操作冲突，请刷新后重试";
      case 413 -> "请求内容超过大小限制";
      case 415 -> "不支持此内容类型";
      case 429 -> "请求过于频繁，请稍后再试";
      case 503 -> "服务暂时不可用，请稍后再试";
      case 507 -> "存储空间已满，本次内容未保存；请联系系统管理员";
      default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
    };
  }

  /** The message itself when it speaks Chinese (ours do), else what to say for the status: no library's English. */
  public static String shown(String message, int status) {
    return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN) ? message : forStatus(status);
  }

  /** The message of a server failure, naming the error id to report. */
  public static String serverError(String errorId) {
    return "服务器内部错误，请稍后重试；如仍失败，请将错误编号 " + errorId + " 告知系统管理员";
  }

  public static ErrorReply body(String message, String errorId) {
    return new ErrorReply(message, errorId, null);
  }

  /** The body as JSON text. */
  public static String json(String message, String errorId) {
    try {
      return JSON.writeValueAsString(body(message, errorId));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the body directly, for filters and the error page, which no exception handler reaches. */
  public static void write(HttpServletResponse response, HttpStatus status, String message, String errorId)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body(message, errorId));
  }
}
