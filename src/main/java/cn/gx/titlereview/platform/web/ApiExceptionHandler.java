package cn.gx.titlereview.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception of our controllers into {@code {"error": "..."}} with a Chinese message: a refusal with its
 * 4xx status, anything unexpected as 500 with an error id that the log carries beside the stack trace. No library's
 * or exception's text reaches the user.
 */
@RestControllerAdvice(basePackages = "cn.gx.titlereview")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorReply> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof RequestBodyLimit.TooLarge tooLarge) {
        return reply(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return reply(HttpStatus.BAD_REQUEST, "请求内容不正确：" + JsonProblems.describe(json));
      }
    }
    return reply(HttpStatus.BAD_REQUEST, e.getCause() == null
        ? "请求内容为空或无法读取：请以 application/json 提交 JSON" : "请求内容不是有效的 JSON");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorReply> missingParameter(MissingServletRequestParameterException e) {
    return reply(HttpStatus.BAD_REQUEST, "缺少请求参数 " + e.getParameterName());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ErrorReply> missingPart(MissingServletRequestPartException e) {
    return reply(HttpStatus.BAD_REQUEST, "未收到文件：请以表单字段 " + e.getRequestPartName() + " 上传");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorReply> badParameter(MethodArgumentTypeMismatchException e) {
    return reply(HttpStatus.BAD_REQUEST, "请求参数 " + e.getName() + " 的格式不正确");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorReply> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(new ErrorReply("上传文件超过大小限制", null, List.of()));
  }

  /**
   * A file expected, and no multipart body came: 415. A multipart body the container cannot parse (no boundary, a
   * garbled body, a file name with NUL, which Tomcat refuses outright): 400. Upload parsing is lazy
   * ({@code spring.servlet.multipart.resolve-lazily}), so that these and the size limit above reach this handler from
   * inside the controller instead of ending as a 500.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ErrorReply> unparsable(MultipartException e) {
    if (e.getCause() == null) {
      return reply(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "请以 multipart/form-data 上传文件（表单字段 file），不能以 JSON 或其他格式提交");
    }
    return reply(HttpStatus.BAD_REQUEST,
        "无法解析上传的表单：文件名含有空字符（NUL），或表单格式不正确；请改名后以表单字段 file 重新上传");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorReply> unsupportedType(HttpMediaTypeNotSupportedException e) {
    return reply(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型"
        + (e.getContentType() == null ? "（未声明）" : " " + e.getContentType()) + "：请以 application/json 提交");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorReply> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return reply(HttpStatus.NOT_ACCEPTABLE, ErrorReplies.forStatus(406));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorReply> wrongMethod(HttpRequestMethodNotSupportedException e) {
    return reply(HttpStatus.METHOD_NOT_ALLOWED, "不支持请求方法 " + e.getMethod());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorReply> notFound(NoResourceFoundException e) {
    return reply(HttpStatus.NOT_FOUND, ErrorReplies.forStatus(404));
  }

  /** Two requests raced to write the same row (a version number, a session's single draw): the second loses whole. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ErrorReply> raced(DuplicateKeyException e) {
    return reply(HttpStatus.CONFLICT, "另一请求同时写入了同一数据，本次请求未写入任何数据，请刷新后重试");
  }

  /**
   * A value the database refused (too long, not allowed) that no check caught before: a refusal, not a failure. The
   * checks of {@code platform.importing} should leave nothing for this, so it is logged.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ErrorReply> refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
    LOG.warn("Database refused a value on {} {}: {}", request.getMethod(), request.getRequestURI(),
        e.getMostSpecificCause().getMessage());
    return reply(HttpStatus.BAD_REQUEST, "提交的内容超过字段长度或含有不允许的字符，未写入任何数据；请检查后重试");
  }

  /** Our refusals, the engine's (wrapped or not), conflicts; anything else is a server failure. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorReply> other(Exception e, HttpServletRequest request) {
    return Refusal.in(e)
        .map(r -> reply(r.status(), ErrorReplies.shown(r.message(), r.status().value())))
        .orElseGet(() -> {
          String id = ErrorReplies.newErrorId();
          LOG.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getRequestURI(), e);
          return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
              .body(ErrorReplies.body(ErrorReplies.serverError(id), id));
        });
  }

  private static ResponseEntity<ErrorReply> reply(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(ErrorReplies.body(message, null));
  }
}
