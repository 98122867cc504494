package cn.gx.titlereview.library;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.region.ReviewRules;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 前三年连续出席评委对比屏蔽: experts who attended this committee in each of the previous years are masked from the
 * draw. Attendance is the committee's, by its id (not its name, whose typo once started a new history): the review
 * attendance of every session of the committee run here, as recorded, and an imported history of the years before. How many years count is a
 * setting ({@code titlereview.draw.consecutive-years}, default 3: the national rule caps a term at 3 years).
 */
@Service
public class AttendanceHistory {

  static final Column YEAR = required("reviewYear", "年度");
  static final Column CODE = required("expertCode", "专家编号", "attendance_history.expert_code");

  record Row(int year, String code) {
  }

  private final JdbcClient jdbc;
  private final TableReader reader;
  private final Clock clock;
  private final int consecutiveYears;

  public AttendanceHistory(JdbcClient jdbc, TableReader reader, Clock clock, ReviewRules rules) {
    this.jdbc = jdbc;
    this.reader = reader;
    this.clock = clock;
    this.consecutiveYears = rules.draw().consecutiveYears();
  }

  public int consecutiveYears() {
    return consecutiveYears;
  }

  /** Adds the committee's attendance of earlier years from a file (.xlsx or JSON); a record present is kept once. */
  @Transactional
  public int importHistory(long committeeId, String committeeName, ImportFile file, String user) {
    List<Row> rows = reader.read(file, List.of(YEAR, CODE), row -> {
      Integer year = row.integer(YEAR);
      if (year != null && (year < 1990 || year > 2100)) {
        row.problem(YEAR, "年度 " + year + " 不合理");
      }
      return new Row(year == null ? 0 : year, row.text(CODE));
    });
    for (Row r : rows) {
      jdbc.sql("delete from attendance_history where committee_id = ? and review_year = ? and expert_code = ?")
          .params(committeeId, r.year(), r.code()).update();
      jdbc.sql("""
              insert into attendance_history (committee_id, committee_name, review_year, expert_code, imported_by,
                                              imported_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(committeeId, committeeName, r.year(), r.code(), user, Timestamp.from(clock.instant())).update();
    }
    return rows.size();
  }

  /** Codes of the experts who attended the committee in every one of the years before {@code reviewYear}. */
  public Set<String> consecutiveAttendees(long committeeId, int reviewYear) {
    int from = reviewYear - consecutiveYears;
    Map<String, Set<Integer>> years = new HashMap<>();
    jdbc.sql("""
            select expert_code, review_year from attendance_history
            where committee_id = ? and review_year between ? and ?
            union
            select e.expert_code, s.review_year from expert_attendance a
            join expert e on e.id = a.expert_id join review_session s on s.id = a.session_id
            where s.committee_id = ? and s.review_year between ? and ? and a.event = 'REVIEW' and a.present = true""")
        .params(committeeId, from, reviewYear - 1, committeeId, from, reviewYear - 1)
        .query((rs, n) -> years.computeIfAbsent(rs.getString("expert_code"), c -> new HashSet<>())
            .add(rs.getInt("review_year")))
        .list();
    Set<String> masked = new HashSet<>();
    years.forEach((code, attended) -> {
      if (attended.size() == consecutiveYears) {
        masked.add(code);
      }
    });
    return masked;
  }
}
