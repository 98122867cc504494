package cn.gx.titlereview.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days of a notice as an administrator types them on the calendar page: dates separated by line breaks, commas,
 * 顿号 or spaces, each a day ({@code 2027-01-01}, {@code 2027/1/1}, {@code 2027年1月1日}) or a run of days
 * ({@code 2027-02-05 至 2027-02-12}, also with {@code ~} or {@code -}).
 */
final class NoticeText {

  private static final String DAY = "(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*日?";
  private static final Pattern ENTRY = Pattern.compile(DAY + "(?:\\s*(?:至|到|~|～|—|--)\\s*" + DAY + ")?");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");

  private NoticeText() {
  }

  /** The days written in the text, in order, each once; {@code problems} gets one line per entry it cannot read. */
  static List<LocalDate> days(String text, String field, List<String> problems) {
    Set<LocalDate> days = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    // A run written with spaces around 至 is one entry: join it before splitting on spaces.
    String joined = text.replaceAll("\\s*(至|到|~|～|—|--)\\s*", "$1");
    for (String entry : SEPARATORS.split(joined.trim())) {
      if (entry.isEmpty()) {
        continue;
      }
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches()) {
        problems.add(field + "中的「" + shorten(entry) + "」不是日期：请写作 2027-01-01，或 2027-02-05 至 2027-02-12");
        continue;
      }
      try {
        LocalDate first = date(m, 1);
        LocalDate last = m.group(4) == null ? first : date(m, 4);
        if (last.isBefore(first) || last.isAfter(first.plusDays(31))) {
          problems.add(field + "中的「" + shorten(entry) + "」：结束日期应在开始日期之后，且一段不超过 31 天");
          continue;
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
          days.add(d);
        }
      } catch (java.time.DateTimeException e) {
        problems.add(field + "中的「" + shorten(entry) + "」不是有效的日期");
      }
    }
    return new ArrayList<>(days);
  }

  private static LocalDate date(Matcher m, int group) {
    return LocalDate.of(Integer.parseInt(m.group(group)), Integer.parseInt(m.group(group + 1)),
        Integer.parseInt(m.group(group + 2)));
  }

  private static String shorten(String entry) {
    return entry.length() > 40 ? entry.substring(0, 40) + "…" : entry;
  }
}
