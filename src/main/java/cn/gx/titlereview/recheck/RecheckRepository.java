package cn.gx.titlereview.recheck;

import cn.gx.titlereview.workflow.SessionReading;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RecheckRepository {

  private static final SessionReading.Key<Map<Long, Instant>> REVOCATIONS = new SessionReading.Key<>("revocations");

  private static final SessionReading.Key<List<RecheckFinding>> FINDINGS = new SessionReading.Key<>("findings");

  /** A problem raised by a substantiated complaint during publicity, outside the two rechecks. */
  public static final int COMPLAINT_ROUND = 0;

  private final JdbcClient jdbc;

  public RecheckRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Both rounds' recheck findings, read once for the whole {@code reading}. */
  public List<RecheckFinding> findings(SessionReading reading) {
    return reading.once(FINDINGS, this::findings);
  }

  public List<RecheckFinding> findings(long sessionId) {
    return jdbc.sql("""
            select applicant_id, round, problem, note, recorded_by, disposition from recheck_finding
            where session_id = ?""")
        .param(sessionId)
        .query((rs, n) -> new RecheckFinding(rs.getLong("applicant_id"), rs.getInt("round"), rs.getBoolean("problem"),
            rs.getString("note"), rs.getString("recorded_by"), rs.getString("disposition")))
        .list();
  }

  /** When the last finding of the two rechecks (rounds 1 and 2) was recorded, if any was. */
  public Optional<Instant> lastRecheckRecorded(long sessionId) {
    return jdbc.sql("""
            select max(recorded_at) from recheck_finding where session_id = ? and round in (1, 2)""")
        .param(sessionId).query((rs, n) -> rs.getTimestamp(1)).list().stream().filter(java.util.Objects::nonNull)
        .findFirst().map(Timestamp::toInstant);
  }

  /** The passes the recheck revoked, with when, read once for the whole {@code reading}. */
  public Map<Long, Instant> revocations(SessionReading reading) {
    return reading.once(REVOCATIONS, this::revocations);
  }

  /** When each revoked applicant's pass was revoked (撤销通过), by applicant id. */
  public Map<Long, Instant> revocations(long sessionId) {
    Map<Long, Instant> revoked = new HashMap<>();
    jdbc.sql("""
            select applicant_id, min(disposed_at) as revoked_at from recheck_finding
            where session_id = ? and disposition = ? group by applicant_id""")
        .params(sessionId, RecheckFinding.REVOKED)
        .query(rs -> {
          Timestamp at = rs.getTimestamp("revoked_at");
          revoked.put(rs.getLong("applicant_id"), at == null ? Instant.EPOCH : at.toInstant());
        });
    return revoked;
  }

  public void upsert(long sessionId, long applicantId, int round, boolean problem, String note, String user,
      Instant at) {
    jdbc.sql("delete from recheck_finding where applicant_id = ? and round = ?").params(applicantId, round).update();
    jdbc.sql("""
            insert into recheck_finding (session_id, applicant_id, round, problem, note, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, applicantId, round, problem, note, user, Timestamp.from(at))
        .update();
  }

  /** Voids one rechecker's findings of a session (found unfit). */
  public void deleteBy(long sessionId, String user) {
    jdbc.sql("""
            delete from recheck_finding where recorded_by = ? and session_id = ?""")
        .params(user, sessionId).update();
  }

  public int dispose(long applicantId, String disposition, String note, String user, Instant at) {
    return jdbc.sql("""
            update recheck_finding set disposition = ?, disposition_note = ?, disposed_by = ?, disposed_at = ?
            where applicant_id = ? and problem = true and disposition is null""")
        .params(disposition, note, user, Timestamp.from(at), applicantId)
        .update();
  }
}
