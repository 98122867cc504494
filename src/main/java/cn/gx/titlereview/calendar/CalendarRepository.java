package cn.gx.titlereview.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarRepository {

  static final String HOLIDAY = "HOLIDAY";
  static final String WORKDAY = "WORKDAY";

  private final JdbcClient jdbc;

  CalendarRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Integer> years() {
    return jdbc.sql("select notice_year from calendar_year order by notice_year").query(Integer.class).list();
  }

  /** Replaces one year whole. */
  public void replace(YearNotice notice, String user, Instant at) {
    jdbc.sql("delete from calendar_day where notice_year = ?").param(notice.year()).update();
    jdbc.sql("delete from calendar_year where notice_year = ?").param(notice.year()).update();
    jdbc.sql("insert into calendar_year (notice_year, source, loaded_by, loaded_at) values (?, ?, ?, ?)")
        .params(notice.year(), notice.source(), user, Timestamp.from(at)).update();
    notice.holidays().forEach(d -> insert(notice.year(), d, HOLIDAY));
    notice.workdays().forEach(d -> insert(notice.year(), d, WORKDAY));
  }

  private void insert(int year, LocalDate day, String kind) {
    jdbc.sql("insert into calendar_day (calendar_date, notice_year, kind) values (?, ?, ?)")
        .params(Date.valueOf(day), year, kind).update();
  }

  /** The special days (holidays and make-up workdays) of the years from..to, by date. */
  public Map<LocalDate, String> specialDays(int fromYear, int toYear) {
    Map<LocalDate, String> days = new HashMap<>();
    jdbc.sql("select calendar_date, kind from calendar_day where notice_year between ? and ?").params(fromYear, toYear)
        .query((rs, n) -> days.put(rs.getDate("calendar_date").toLocalDate(), rs.getString("kind")))
        .list();
    return days;
  }

  public Optional<YearNotice> find(int year) {
    return jdbc.sql("select source from calendar_year where notice_year = ?").param(year).query(String.class).optional()
        .map(source -> {
          Map<LocalDate, String> days = specialDays(year, year);
          return new YearNotice(year, source,
              days.entrySet().stream().filter(e -> HOLIDAY.equals(e.getValue())).map(Map.Entry::getKey).sorted()
                  .toList(),
              days.entrySet().stream().filter(e -> WORKDAY.equals(e.getValue())).map(Map.Entry::getKey).sorted()
                  .toList());
        });
  }
}
