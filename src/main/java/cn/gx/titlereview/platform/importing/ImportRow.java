package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.web.TextRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of an import, read as text. Each accessor reports a problem naming the row and column instead of
 * throwing, so that a file's every problem is listed at once. A value {@link TableReader} already refused (a control
 * character, too long, a formula) reads as absent and is not reported twice.
 */
public final class ImportRow {

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final Pattern ITEM_SEPARATORS = Pattern.compile("[、,，;；\\s]+");

  private final String position;
  private final Map<String, String> values;
  private final List<String> problems;
  /** Keys of the values refused; most rows have none, so the set is made on the first. */
  private Set<String> refused = Set.of();

  ImportRow(String position, Map<String, String> values, List<String> problems) {
    this.position = position;
    this.values = values;
    this.problems = problems;
  }

  /** "第 3 行" for a spreadsheet, "第 3 条" for JSON. */
  public String position() {
    return position;
  }

  /** The trimmed value, or null when empty or refused; reports nothing. */
  String value(Column column) {
    String value = refused.contains(column.key()) ? null : values.get(column.key());
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The value as given, before any check, for {@link TableReader}. */
  String given(Column column) {
    return values.get(column.key());
  }

  /** Reports the value of this column as unusable; it then reads as absent. */
  void refuse(Column column, String why) {
    if (refused.isEmpty()) {
      refused = new HashSet<>();
    }
    refused.add(column.key());
    problem(column, why);
  }

  /** Text stored as it is: only for a column with a database column to bound its width. */
  public String text(Column column) {
    if (column.stored() == null) {
      throw new IllegalStateException("Column " + column.key() + " is read as text but names no stored column");
    }
    return filled(column);
  }

  private String filled(Column column) {
    String value = value(column);
    if (value == null && column.required() && !refused.contains(column.key())) {
      problem(column, "不能为空");
    }
    return value;
  }

  public Integer integer(Column column) {
    String value = filled(column);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
    } catch (NumberFormatException e) {
      problem(column, "应为整数，实际为" + TextRules.quote(value));
      return null;
    }
  }

  public Boolean bool(Column column) {
    String value = filled(column);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase()) {
      case "true", "是", "yes", "1" -> true;
      case "false", "否", "no", "0" -> false;
      default -> {
        problem(column, "应为“是”或“否”，实际为" + TextRules.quote(value));
        yield null;
      }
    };
  }

  /** A local date-time "yyyy-MM-ddTHH:mm" (or with a space), as an instant in Asia/Shanghai. */
  public Instant dateTime(Column column) {
    String value = filled(column);
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.replace(' ', 'T')).atZone(PlatformConfig.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      problem(column, "应为 yyyy-MM-ddTHH:mm 格式，实际为" + TextRules.quote(value));
      return null;
    }
  }

  /** A day, {@code yyyy-MM-dd} (or {@code yyyy/M/d}, as a spreadsheet may show it). */
  public LocalDate date(Column column) {
    String value = filled(column);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() >= 10 && value.charAt(4) == '-' ? value.substring(0, 10) : value,
          value.contains("/") ? SLASHED : DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      problem(column, "应为 yyyy-MM-dd 格式的日期，实际为" + TextRules.quote(value));
      return null;
    }
  }

  /** The value, which must be one of the allowed ones. */
  public String oneOf(Column column, List<String> allowed) {
    String value = filled(column);
    if (value != null && !allowed.contains(value)) {
      problem(column, "应为 " + String.join(" / ", allowed) + " 之一，实际为" + TextRules.quote(value));
      return null;
    }
    return value;
  }

  /**
   * Several values in one cell, separated by 、 or commas, each one of {@code allowed}; an empty cell is an empty
   * list.
   */
  public List<String> items(Column column, List<String> allowed) {
    String value = filled(column);
    if (value == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : ITEM_SEPARATORS.split(value)) {
      if (item.isEmpty() || items.contains(item)) {
        continue;
      }
      if (allowed.contains(item)) {
        items.add(item);
      } else {
        problem(column, TextRules.quote(item) + "不是 " + String.join(" / ", allowed) + " 之一");
      }
    }
    return items;
  }

  public void problem(Column column, String what) {
    problems.add(position + "「" + column.header() + "」：" + what);
  }

  /** A problem of the row; one that starts with a column in 「」 is attached to it as a column problem. */
  public void problem(String what) {
    problems.add(position + (what.startsWith("「") ? "" : "：") + what);
  }
}
