package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.web.ErrorReply;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A rejected import answers 400 with every problem, each naming its row and column. Ordered before the general
 * handler of {@code platform.web}, whose catch-all would otherwise take it.
 */
@RestControllerAdvice(basePackages = "cn.gx.titlereview")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportExceptionHandler {

  @ExceptionHandler(ImportException.class)
  ResponseEntity<ErrorReply> importRejected(ImportException e) {
    return ResponseEntity.badRequest().body(new ErrorReply(e.getMessage(), null, e.problems()));
  }
}
