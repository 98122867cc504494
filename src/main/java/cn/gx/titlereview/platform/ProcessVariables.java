package cn.gx.titlereview.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The few process variables every stage shares, read one way. */
public final class ProcessVariables {

  /** Set by registerSession on the main process and passed into every stage. */
  public static final String SESSION_ID = "sessionId";

  private ProcessVariables() {
  }

  public static long sessionId(VariableScope scope) {
    return ((Number) scope.getVariable(SESSION_ID)).longValue();
  }

  /**
   * A date from a Camunda Forms date field ("2026-12-10"; an ISO date-time is cut to its date), or null when it
   * is not one.
   */
  public static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
