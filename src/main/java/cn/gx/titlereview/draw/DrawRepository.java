package cn.gx.titlereview.draw;

import cn.gx.titlereview.workflow.SessionReading;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DrawRepository {

  private static final SessionReading.Key<List<DrawnExpert>> DRAWN = new SessionReading.Key<>("drawn");

  public record Draw(int poolSize, String poolSha256, String seedHex, int panelSize, int reserveCount,
      int minPerGroup, Instant drawnAt, String mode) {

    public static final String ONLINE = "ONLINE";
    public static final String OFFLINE = "OFFLINE";

    public boolean offline() {
      return OFFLINE.equals(mode);
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public DrawRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public Optional<Draw> find(long sessionId) {
    return jdbc.sql("select * from expert_draw where session_id = ?").param(sessionId)
        .query((rs, n) -> new Draw(rs.getInt("pool_size"), rs.getString("pool_sha256"), rs.getString("seed_hex"),
            rs.getInt("panel_size"), rs.getInt("reserve_count"), rs.getInt("min_per_group"),
            rs.getTimestamp("drawn_at").toInstant(), rs.getString("draw_mode")))
        .optional();
  }

  public void insertDraw(long sessionId, Draw draw) {
    jdbc.sql("""
            insert into expert_draw (session_id, pool_size, pool_sha256, seed_hex, panel_size, reserve_count,
                                     min_per_group, drawn_at, draw_mode)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, draw.poolSize(), draw.poolSha256(), draw.seedHex(), draw.panelSize(),
            draw.reserveCount(), draw.minPerGroup(), Timestamp.from(draw.drawnAt()), draw.mode())
        .update();
  }

  public void insertDrawn(long sessionId, List<Object[]> expertIdOrderRole) {
    batch.batchUpdate("insert into drawn_expert (session_id, expert_id, draw_order, role) values (" + sessionId
        + ", ?, ?, ?)", expertIdOrderRole);
  }

  public void exclude(long sessionId, List<Long> expertIds, String reason) {
    batch.batchUpdate("insert into draw_exclusion (session_id, expert_id, reason) values (?, ?, ?)",
        expertIds.stream().map(id -> new Object[] {sessionId, id, reason}).toList());
  }

  public record Exclusion(String expertCode, String name, String specialty, String reason) {
  }

  public List<Exclusion> exclusions(long sessionId) {
    return jdbc.sql("""
            select e.expert_code, e.name, e.specialty, x.reason from draw_exclusion x join expert e on e.id = x.expert_id
            where x.session_id = ? order by e.expert_code""")
        .param(sessionId)
        .query((rs, n) -> new Exclusion(rs.getString("expert_code"), rs.getString("name"), rs.getString("specialty"),
            rs.getString("reason")))
        .list();
  }

  /** The drawn experts, read once for the whole {@code reading}. */
  public List<DrawnExpert> drawn(SessionReading reading) {
    return reading.once(DRAWN, this::drawn);
  }

  public List<DrawnExpert> drawn(long sessionId) {
    return jdbc.sql("""
            select d.*, e.expert_code, e.name, e.employer, e.specialty, r.expert_code as replaces_code
            from drawn_expert d
            join expert e on e.id = d.expert_id
            left join expert r on r.id = d.replaces_expert
            where d.session_id = ?
            order by e.specialty, d.draw_order""")
        .param(sessionId)
        .query((rs, n) -> new DrawnExpert(rs.getLong("expert_id"), rs.getString("expert_code"), rs.getString("name"),
            rs.getString("employer"), rs.getString("specialty"), rs.getInt("draw_order"), rs.getString("role"),
            rs.getString("response"), rs.getString("decline_reason"),
            rs.getTimestamp("notified_at") == null ? null : rs.getTimestamp("notified_at").toInstant(),
            rs.getString("notified_by"), rs.getString("replaces_code"), rs.getString("response_source")))
        .list();
  }

  /** Records an answer once: false when the expert has one already (two answers racing, the first stands). */
  public boolean respond(long sessionId, long expertId, String response, String reason, Instant notifiedAt,
      String user, String source) {
    return jdbc.sql("""
            update drawn_expert set response = ?, decline_reason = ?, notified_at = ?, notified_by = ?,
                                    response_source = ?
            where session_id = ? and expert_id = ? and response is null""")
        .params(response, reason, Timestamp.from(notifiedAt), user, source, sessionId, expertId)
        .update() == 1;
  }

  public void promote(long sessionId, long reserveId, long replacedId) {
    jdbc.sql("update drawn_expert set role = ?, replaces_expert = ? where session_id = ? and expert_id = ?")
        .params(DrawnExpert.MEMBER, replacedId, sessionId, reserveId)
        .update();
  }
}
