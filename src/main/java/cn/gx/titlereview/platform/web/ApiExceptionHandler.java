package cn.gx.titlereview.platform.web;

import cn.gx.titlereview.platform.importing.ImportException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns refusals into {@code {"error": "..."}} bodies with a Chinese message. */
@RestControllerAdvice(basePackages = "cn.gx.titlereview")
public class ApiExceptionHandler {

  @ExceptionHandler(BusinessException.class)
  ResponseEntity<Map<String, Object>> business(BusinessException e) {
    return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(ConflictRefusal.class)
  ResponseEntity<Map<String, Object>> conflictRefusal(ConflictRefusal e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<Map<String, Object>> badUserRequest(BadUserRequestException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "无权执行此操作：" + e.getMessage()));
  }

  @ExceptionHandler(ImportException.class)
  ResponseEntity<Map<String, Object>> importRejected(ImportException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "problems", e.problems()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("error", "请求内容不是有效的 JSON，或字段类型不符：" + rootMessage(e)));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
      MethodArgumentTypeMismatchException.class})
  ResponseEntity<Map<String, Object>> badParameter(Exception e) {
    return ResponseEntity.badRequest().body(Map.of("error", "请求参数缺失或格式不正确：" + e.getMessage()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("error", "上传文件超过大小限制", "problems", List.of()));
  }

  /**
   * A multipart body the container cannot parse: above all a file name with NUL, which Tomcat refuses outright. Upload
   * parsing is lazy ({@code spring.servlet.multipart.resolve-lazily}), so that this and the size limit above reach
   * this handler from inside the controller instead of ending as a 500.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> unparsable(MultipartException e) {
    return ResponseEntity.badRequest().body(Map.of("error",
        "无法解析上传的表单：文件名含有空字符（NUL），或表单格式不正确；请改名后以表单字段 file 重新上传"));
  }

  /** Two requests raced to write the same row (a version number, a session's single draw): the second loses whole. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Map<String, Object>> raced(DuplicateKeyException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("error", "另一请求同时写入了同一数据，本次请求未写入任何数据，请刷新后重试"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? "" : m.lines().findFirst().orElse("");
  }
}
