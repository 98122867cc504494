package cn.gx.titlereview.platform.web;

import java.util.regex.Pattern;

/**
 * What no text we keep may contain, whatever its column: control characters (NUL among them, which PostgreSQL refuses
 * outright: {@code invalid byte sequence for encoding "UTF8": 0x00}), halves of a surrogate pair, and, in imported
 * tables, a formula: a cell that a spreadsheet would run when the list is exported again ({@code =cmd|' /C calc'!A0}).
 * Tabs and line breaks are text.
 */
public final class TextRules {

  /**
   * A signed number or a telephone number: starts like a formula (one of {@code = + - @}, OWASP's CSV injection) but
   * is none.
   */
  private static final Pattern NUMBER_LIKE = Pattern.compile("^[+\\-]?[0-9][0-9 ().\\-]*$");

  private TextRules() {
  }

  /**
   * Why this text may not be kept, or null: control characters or broken Unicode. One pass over the characters, no
   * pattern: an import of 100,000 rows asks this of 700,000 cells.
   */
  public static String unsafe(String value) {
    boolean control = false;
    boolean nul = false;
    boolean brokenPair = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isControl(c)) {
        control = true;
        nul |= c == '\0';
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        brokenPair = true;
      }
    }
    if (control) {
      return nul ? "含有空字符（NUL），请删除后重新提交" : "含有不可见的控制字符，请删除后重新提交";
    }
    return brokenPair ? "含有无效的 Unicode 字符（不成对的代理项），请检查文件编码" : null;
  }

  /** C0 and C1 controls and DEL (Unicode's Cc), except tab, line feed and carriage return. */
  private static boolean isControl(char c) {
    return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f;
  }

  /** As {@link #unsafe}, and a cell of an imported table may not start like a formula. */
  public static String unsafeCell(String value) {
    String unsafe = unsafe(value);
    if (unsafe != null) {
      return unsafe;
    }
    String trimmed = value.strip();
    if (!trimmed.isEmpty() && "=+-@".indexOf(trimmed.charAt(0)) >= 0 && !NUMBER_LIKE.matcher(trimmed).matches()) {
      return "以“" + trimmed.charAt(0) + "”开头，会被电子表格当作公式执行（如 =cmd|…），请删除开头的符号";
    }
    return null;
  }

  /** Length as the database counts it: in characters (code points), not UTF-16 units. */
  public static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /** A value quoted in a message, shortened: a hostile value may be 32,000 characters long. */
  public static String quote(String value) {
    int max = 40;
    return "“" + (length(value) <= max ? value : value.substring(0, value.offsetByCodePoints(0, max)) + "…") + "”";
  }
}
