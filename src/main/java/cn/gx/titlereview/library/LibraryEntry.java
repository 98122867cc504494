package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.importing.ImportRow;
import java.time.LocalDate;

/** One expert of a library list as read from the file, contacts still in plain text (never stored so). */
record LibraryEntry(String code, String name, String employer, String specialty, String title, String phone,
    String email, String status, LocalDate termStart, LocalDate termEnd) {

  static LibraryEntry of(ImportRow row) {
    LocalDate start = row.date(ExpertColumns.TERM_START);
    LocalDate end = row.date(ExpertColumns.TERM_END);
    if (start != null && end != null && end.isBefore(start)) {
      row.problem(ExpertColumns.TERM_END, "聘期结束 " + end + " 早于聘期开始 " + start);
    }
    return new LibraryEntry(row.text(ExpertColumns.CODE), row.text(ExpertColumns.NAME),
        row.text(ExpertColumns.EMPLOYER), row.text(ExpertColumns.SPECIALTY), row.text(ExpertColumns.TITLE),
        row.text(ExpertColumns.PHONE), ExpertColumns.email(row), row.oneOf(ExpertColumns.STATUS, ExpertColumns.LISTED),
        start, end);
  }
}
