package cn.gx.titlereview.platform.calendar;

/** A count of working days reached into a year whose holidays are not recorded: the system never guesses. */
public class MissingCalendarYearException extends RuntimeException {

  public MissingCalendarYearException(int year) {
    super(year + " 年的法定节假日和调休安排尚未录入工作日历，无法计算工作日。请管理员通过 PUT /api/calendar/" + year
        + " 录入国务院办公厅的放假通知。");
  }
}
