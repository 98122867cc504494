package cn.gx.titlereview.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every refusal and failure: {@code error} in Chinese; {@code errorId} when the server failed (the log
 * carries it beside the stack trace); {@code problems} when an import was refused, one per row and column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorReply(String error, String errorId, List<String> problems) {

  public static ErrorReply of(String error) {
    return new ErrorReply(error, null, null);
  }
}
