package cn.gx.titlereview.library;

import cn.gx.titlereview.region.Committee;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A library's health, for its keeper and its supervisors: can it still fill a panel and its reserves in every
 * specialty (as the committee's last draw needed them, after this year's three-year masking), whose terms end
 * within 90 days, how many experts were drawn in each of the last three years, and who declines how often.
 */
@Service
public class LibraryHealth {

  public static final int TERM_WARNING_DAYS = 90;

  /** One specialty: active experts, of them drawable this year, and what the last draw took from it. */
  public record Specialty(String specialty, int active, int drawable, int lastDrawNeeded, boolean enough) {
  }

  /** An expert whose term ends soon. */
  public record TermEnding(String expertCode, String name, String specialty, LocalDate termEnd) {
  }

  /** How many distinct experts of the committee were drawn in a year. */
  public record DrawnInYear(int year, int experts) {
  }

  /** An expert who was asked more than once, and how often he declined. */
  public record Declines(String expertCode, String name, int asked, int declined, int ratePercent) {
  }

  public record Report(String committeeCode, int version, int experts, List<Specialty> specialties,
      List<TermEnding> termsEnding, List<DrawnInYear> drawnByYear, int drawnEveryYear, List<Declines> declines,
      List<String> warnings) {
  }

  private final JdbcClient jdbc;
  private final LibraryRepository library;
  private final AttendanceHistory history;
  private final Clock clock;

  LibraryHealth(JdbcClient jdbc, LibraryRepository library, AttendanceHistory history, Clock clock) {
    this.jdbc = jdbc;
    this.library = library;
    this.history = history;
    this.clock = clock;
  }

  /** The report for a committee whose library the caller may read (the supervision view calls this too). */
  public Report report(Committee committee) {
    LocalDate today = LocalDate.now(clock);
    long id = committee.id();
    Set<String> masked = history.consecutiveAttendees(id, today.getYear());
    Map<String, Integer> active = library.activeBySpecialty(id);
    Map<String, Integer> drawable = new HashMap<>(active);
    jdbc.sql("""
            select expert_code, specialty from expert where committee_id = ? and session_id is null
            and to_version is null and status = ?""")
        .params(id, ExpertColumns.ACTIVE)
        .query(rs -> {
          if (masked.contains(rs.getString(1))) {
            drawable.merge(rs.getString(2), -1, Integer::sum);
          }
        });
    Map<String, Integer> needed = new TreeMap<>();
    jdbc.sql("""
            select e.specialty, count(*) from drawn_expert d join expert e on e.id = d.expert_id
            where d.session_id = (select max(x.session_id) from expert_draw x join review_session s on s.id = x.session_id
                                  where s.committee_id = ?)
            group by e.specialty""")
        .param(id).query(rs -> {
          needed.put(rs.getString(1), rs.getInt(2));
        });
    Map<String, Specialty> specialties = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    for (String s : union(active.keySet(), needed.keySet())) {
      int need = needed.getOrDefault(s, 0);
      int can = Math.max(0, drawable.getOrDefault(s, 0));
      specialties.put(s, new Specialty(s, active.getOrDefault(s, 0), can, need, can >= need));
      if (can < need) {
        warnings.add("专业“" + s + "”今年可抽取的在库专家 " + can + " 人，少于上次抽取所需的 " + need + " 人（评委及候补）");
      }
    }
    List<TermEnding> ending = jdbc.sql("""
            select expert_code, name, specialty, term_end from expert where committee_id = ? and session_id is null
            and to_version is null and status <> ? and term_end between ? and ? order by term_end, expert_code""")
        .params(id, ExpertColumns.LEFT, today, today.plusDays(TERM_WARNING_DAYS))
        .query((rs, n) -> new TermEnding(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getDate(4).toLocalDate()))
        .list();
    if (!ending.isEmpty()) {
      warnings.add(ending.size() + " 名专家的聘期将在 " + TERM_WARNING_DAYS + " 天内结束");
    }
    Map<String, Set<Integer>> yearsDrawn = new HashMap<>();
    jdbc.sql("""
            select distinct e.expert_code, s.review_year from drawn_expert d join expert e on e.id = d.expert_id
            join review_session s on s.id = d.session_id
            where s.committee_id = ? and s.review_year between ? and ? and d.role = 'MEMBER'""")
        .params(id, today.getYear() - 3, today.getYear() - 1)
        .query(rs -> {
          yearsDrawn.computeIfAbsent(rs.getString(1), c -> new java.util.HashSet<>()).add(rs.getInt(2));
        });
    List<DrawnInYear> byYear = new ArrayList<>();
    for (int year = today.getYear() - 3; year < today.getYear(); year++) {
      int y = year;
      byYear.add(new DrawnInYear(year, (int) yearsDrawn.values().stream().filter(s -> s.contains(y)).count()));
    }
    int everyYear = (int) yearsDrawn.values().stream().filter(s -> s.size() == 3).count();
    List<Declines> declines = jdbc.sql("""
            select e.expert_code, max(e.name), count(*), sum(case when d.response = 'DECLINED' then 1 else 0 end)
            from drawn_expert d join expert e on e.id = d.expert_id join review_session s on s.id = d.session_id
            where s.committee_id = ? and d.response is not null
            group by e.expert_code having count(*) > 1
            order by 4 desc, 1 fetch first 50 rows only""")
        .param(id)
        .query((rs, n) -> new Declines(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
            rs.getInt(3) == 0 ? 0 : 100 * rs.getInt(4) / rs.getInt(3)))
        .list();
    return new Report(committee.code(), library.currentVersion(id), library.count(id),
        List.copyOf(specialties.values()), ending, byYear, everyYear, declines, warnings);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
