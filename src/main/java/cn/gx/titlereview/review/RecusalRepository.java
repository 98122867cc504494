package cn.gx.titlereview.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RecusalRepository {

  /** Entered through the expert's own link, rather than imported by staff. */
  public static final String VIA_LINK = "LINK";

  public record Recusal(String applicantNo, String expertCode, String category, String source, String note,
      String recordedBy, String enteredVia) {

    /** 「本人声明（本人通过链接申报）」, 「本人声明（工作人员代填）」 or 「工作人员发现」. */
    public String sourceShown() {
      if (!RecusalService.SOURCES.get(0).equals(source)) {
        return source;
      }
      return source + (VIA_LINK.equals(enteredVia) ? "（本人通过链接申报）" : "（工作人员代填）");
    }
  }

  private final JdbcClient jdbc;

  public RecusalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(long sessionId, long applicantId, long expertId, String category, String source, String note,
      String user, Instant at, String enteredVia) {
    jdbc.sql("delete from recusal where applicant_id = ? and expert_id = ?").params(applicantId, expertId).update();
    jdbc.sql("""
            insert into recusal (session_id, applicant_id, expert_id, category, source, note, recorded_by, recorded_at,
                                 entered_via)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, applicantId, expertId, category, source, note, user, Timestamp.from(at), enteredVia)
        .update();
  }

  /** Recused experts by applicant id. */
  public Map<Long, Set<Long>> byApplicant(long sessionId) {
    Map<Long, Set<Long>> recused = new HashMap<>();
    jdbc.sql("select applicant_id, expert_id from recusal where session_id = ?").param(sessionId)
        .query((rs, n) -> recused.computeIfAbsent(rs.getLong("applicant_id"), a -> new HashSet<>())
            .add(rs.getLong("expert_id")))
        .list();
    return recused;
  }

  public List<Recusal> list(long sessionId) {
    return jdbc.sql("""
            select a.applicant_no, e.expert_code, r.category, r.source, r.note, r.recorded_by, r.entered_via
            from recusal r
            join applicant a on a.id = r.applicant_id join expert e on e.id = r.expert_id
            where r.session_id = ? order by a.applicant_no, e.expert_code""")
        .param(sessionId)
        .query((rs, n) -> new Recusal(rs.getString("applicant_no"), rs.getString("expert_code"),
            rs.getString("category"), rs.getString("source"), rs.getString("note"), rs.getString("recorded_by"),
            rs.getString("entered_via")))
        .list();
  }
}
