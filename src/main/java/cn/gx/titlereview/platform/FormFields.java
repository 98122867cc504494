package cn.gx.titlereview.platform;

import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a form submitted, read one way: a missing required field or choice refuses the completion with a Chinese
 * message naming it, and the task stays open (Tasklist shows the message).
 */
public final class FormFields {

  private FormFields() {
  }

  /** The field's trimmed text, or null when it is empty. */
  public static String optional(VariableScope scope, String field) {
    Object value = scope.getVariable(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** The field's trimmed text; refused as 「请填写{label}（{field}）」 when it is empty. */
  public static String required(VariableScope scope, String field, String label) {
    String value = optional(scope, field);
    if (value == null) {
      throw new BadUserRequestException("请填写" + label + "（" + field + "）");
    }
    return value;
  }

  /** A required date field; refused when it is empty or not a date, naming the format. */
  public static LocalDate date(VariableScope scope, String field, String label) {
    Object value = scope.getVariable(field);
    LocalDate date = ProcessVariables.date(value);
    if (date == null) {
      throw new BadUserRequestException(value == null ? "请填写" + label + "（" + field + "）"
          : label + "（" + field + "）格式应为 yyyy-MM-dd，实际为“" + value + "”");
    }
    return date;
  }

  /** A yes/no radio group ({@code "yes"} or {@code "no"}); refused as 「请选择{question}」 when neither was chosen. */
  public static boolean yes(VariableScope scope, String field, String question) {
    Object value = scope.getVariable(field);
    if (!"yes".equals(value) && !"no".equals(value)) {
      throw new BadUserRequestException("请选择" + question);
    }
    return "yes".equals(value);
  }
}
