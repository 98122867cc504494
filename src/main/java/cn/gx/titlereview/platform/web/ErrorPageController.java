package cn.gx.titlereview.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Spring's error path ({@code /error}), where the servlet container sends whatever no handler answered: a failure in
 * a filter, a request the firewall or Tomcat refused, a page that does not exist. It answers as our API does, in
 * Chinese, instead of Spring's English "Whitelabel" page or {@code {"error":"Internal Server Error"}}: JSON, or a
 * small page for a browser. A server failure gets an error id, logged with its stack trace.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorPageController.class);

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(HttpServletRequest request) {
    Answer answer = answer(request);
    String message = HtmlUtils.htmlEscape(answer.message());
    return ResponseEntity.status(answer.status()).contentType(new MediaType(MediaType.TEXT_HTML,
            java.nio.charset.StandardCharsets.UTF_8))
        .body("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + answer.status().value()
            + "</title></head><body><h1>" + answer.status().value() + "</h1><p>" + message
            + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
  }

  @RequestMapping
  public ResponseEntity<ErrorReply> json(HttpServletRequest request) {
    Answer answer = answer(request);
    return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
        .body(ErrorReplies.body(answer.message(), answer.errorId()));
  }

  private record Answer(HttpStatus status, String message, String errorId) {
  }

  private Answer answer(HttpServletRequest request) {
    Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Optional<Refusal> refusal = Refusal.in(exception);
    if (refusal.isPresent()) {
      return new Answer(refusal.get().status(),
          ErrorReplies.shown(refusal.get().message(), refusal.get().status().value()), null);
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = Optional.ofNullable(code instanceof Integer i ? HttpStatus.resolve(i) : null)
        .orElse(HttpStatus.INTERNAL_SERVER_ERROR);
    if (status.is5xxServerError() || exception != null && !status.is4xxClientError()) {
      String id = ErrorReplies.newErrorId();
      LOG.error("Unexpected error {} on {} {}", id, request.getMethod(),
          request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), exception);
      return new Answer(status.is5xxServerError() ? status : HttpStatus.INTERNAL_SERVER_ERROR,
          ErrorReplies.serverError(id), id);
    }
    return new Answer(status, ErrorReplies.forStatus(status.value()), null);
  }
}
