package cn.gx.titlereview.calendar;

/** A count of working days reached into a year whose holidays are not recorded: the system never guesses. */
public class MissingCalendarYearException extends RuntimeException {

  public MissingCalendarYearException(int year) {
    super(year + " 年的法定节假日和调休安排尚未录入工作日历，无法计算工作日。请联系系统管理员录入国务院办公厅当年的放假通知。");
  }
}
