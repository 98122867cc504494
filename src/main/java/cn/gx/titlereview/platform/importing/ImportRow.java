package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.PlatformConfig;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * One row of an import, read as text. Each accessor reports a problem naming the row and column instead of
 * throwing, so that a file's every problem is listed at once.
 */
public final class ImportRow {

  private final String position;
  private final Map<String, String> values;
  private final List<String> problems;

  ImportRow(String position, Map<String, String> values, List<String> problems) {
    this.position = position;
    this.values = values;
    this.problems = problems;
  }

  /** "第 3 行" for a spreadsheet, "第 3 条" for JSON. */
  public String position() {
    return position;
  }

  /** The trimmed value, or null when empty; reports nothing. */
  String value(Column column) {
    String value = values.get(column.key());
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String text(Column column) {
    String value = values.get(column.key());
    if (value == null || value.isBlank()) {
      if (column.required()) {
        problem(column, "不能为空");
      }
      return null;
    }
    return value.trim();
  }

  public Integer integer(Column column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
    } catch (NumberFormatException e) {
      problem(column, "应为整数，实际为“" + value + "”");
      return null;
    }
  }

  public Boolean bool(Column column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase()) {
      case "true", "是", "yes", "1" -> true;
      case "false", "否", "no", "0" -> false;
      default -> {
        problem(column, "应为“是”或“否”，实际为“" + value + "”");
        yield null;
      }
    };
  }

  /** A local date-time "yyyy-MM-ddTHH:mm" (or with a space), as an instant in Asia/Shanghai. */
  public Instant dateTime(Column column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.replace(' ', 'T')).atZone(PlatformConfig.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      problem(column, "应为 yyyy-MM-ddTHH:mm 格式，实际为“" + value + "”");
      return null;
    }
  }

  /** The value, which must be one of the allowed ones. */
  public String oneOf(Column column, List<String> allowed) {
    String value = text(column);
    if (value != null && !allowed.contains(value)) {
      problem(column, "应为 " + String.join(" / ", allowed) + " 之一，实际为“" + value + "”");
      return null;
    }
    return value;
  }

  public void problem(Column column, String what) {
    problems.add(position + "「" + column.header() + "」：" + what);
  }

  /** A problem of the row; one that starts with a column in 「」 is attached to it as a column problem. */
  public void problem(String what) {
    problems.add(position + (what.startsWith("「") ? "" : "：") + what);
  }
}
