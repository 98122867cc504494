package cn.gx.titlereview.platform.importing;

import java.util.Map;
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
  ResponseEntity<Map<String, Object>> importRejected(ImportException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "problems", e.problems()));
  }
}
