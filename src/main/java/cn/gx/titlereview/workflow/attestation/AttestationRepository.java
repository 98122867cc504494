package cn.gx.titlereview.workflow.attestation;

import cn.gx.titlereview.workflow.SessionReading;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AttestationRepository {

  private static final SessionReading.Key<SessionAttestations> ATTESTATIONS = new SessionReading.Key<>("attestations");

  private final JdbcClient jdbc;

  public AttestationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void append(long sessionId, String key, String value, String user, Instant at, String taskId) {
    jdbc.sql("""
            insert into attestation (session_id, attest_key, attest_value, attested_by, attested_at, task_id)
            values (?, ?, ?, ?, ?, ?)""")
        .params(sessionId, key, value, user, Timestamp.from(at), taskId)
        .update();
  }

  /** Every value ever attested for one key, oldest first (rectification notes, for instance). */
  public List<Attestation> history(long sessionId, String key) {
    return jdbc.sql("select * from attestation where session_id = ? and attest_key = ? order by id")
        .params(sessionId, key)
        .query((rs, n) -> new Attestation(rs.getString("attest_key"), rs.getString("attest_value"),
            rs.getString("attested_by"), rs.getTimestamp("attested_at").toInstant()))
        .list();
  }

  /** The attestations in force: the latest per key. */
  public Map<String, Attestation> current(long sessionId) {
    return all(sessionId).current();
  }

  /** Every attestation of the session, read once for the whole {@code reading}. */
  public SessionAttestations all(SessionReading reading) {
    return reading.once(ATTESTATIONS, this::all);
  }

  public SessionAttestations all(long sessionId) {
    return new SessionAttestations(jdbc.sql("select * from attestation where session_id = ? order by id")
        .param(sessionId)
        .query((rs, n) -> new Attestation(rs.getString("attest_key"), rs.getString("attest_value"),
            rs.getString("attested_by"), rs.getTimestamp("attested_at").toInstant()))
        .list());
  }
}
