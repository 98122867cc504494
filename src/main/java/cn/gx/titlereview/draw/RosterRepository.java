package cn.gx.titlereview.draw;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RosterRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public RosterRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Rosters run to 100,000 experts: written in JDBC batches. */
  public void replaceAll(long sessionId, List<Expert> experts) {
    jdbc.sql("delete from expert where session_id = ?").param(sessionId).update();
    batch.batchUpdate("""
            insert into expert (session_id, expert_code, name, employer, specialty, title, phone, status)
            values (?, ?, ?, ?, ?, ?, ?, ?)""",
        experts.stream().map(e -> new Object[] {sessionId, e.expertCode(), e.name(), e.employer(), e.specialty(),
            e.title(), e.phone(), e.status()}).toList());
  }

  public int count(long sessionId) {
    return jdbc.sql("select count(*) from expert where session_id = ?").param(sessionId).query(Integer.class)
        .single();
  }

  /** Experts left out of every draw because their roster status is suspended. */
  public List<Expert> suspended(long sessionId) {
    return jdbc.sql("select * from expert where session_id = ? and status = ? order by expert_code")
        .params(sessionId, Expert.SUSPENDED)
        .query((rs, n) -> new Expert(rs.getLong("id"), rs.getString("expert_code"), rs.getString("name"),
            rs.getString("employer"), rs.getString("specialty"), rs.getString("title"), rs.getString("phone"),
            rs.getString("status")))
        .list();
  }

  /** The draw pool: id and code of every active expert of the given specialty. */
  public List<PoolEntry> activePool(long sessionId, String specialty) {
    return jdbc.sql("select id, expert_code from expert where session_id = ? and status = ? and specialty = ?")
        .params(sessionId, Expert.ACTIVE, specialty)
        .query((rs, n) -> new PoolEntry(rs.getLong("id"), rs.getString("expert_code")))
        .list();
  }

  public record PoolEntry(long id, String expertCode) {
  }
}
