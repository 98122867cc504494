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

  public record Recusal(String applicantNo, String expertCode, String category, String source, String note,
      String recordedBy) {
  }

  private final JdbcClient jdbc;

  public RecusalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(long sessionId, long applicantId, long expertId, String category, String source, String note,
      String user, Instant at) {
    jdbc.sql("delete from recusal where applicant_id = ? and expert_id = ?").params(applicantId, expertId).update();
    jdbc.sql("""
            insert into recusal (session_id, applicant_id, expert_id, category, source, note, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, applicantId, expertId, category, source, note, user, Timestamp.from(at)).update();
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
            select a.applicant_no, e.expert_code, r.category, r.source, r.note, r.recorded_by from recusal r
            join applicant a on a.id = r.applicant_id join expert e on e.id = r.expert_id
            where r.session_id = ? order by a.applicant_no, e.expert_code""")
        .param(sessionId)
        .query((rs, n) -> new Recusal(rs.getString("applicant_no"), rs.getString("expert_code"),
            rs.getString("category"), rs.getString("source"), rs.getString("note"), rs.getString("recorded_by")))
        .list();
  }
}
