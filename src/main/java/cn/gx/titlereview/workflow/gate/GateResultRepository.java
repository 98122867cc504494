package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.workflow.SessionReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GateResultRepository {

  private static final SessionReading.Key<List<GateResult>> GATE_HISTORY = new SessionReading.Key<>("gate_history");

  private static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public GateResultRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(long sessionId, String gateKey, String gateName, List<Violation> violations,
      String ruleVersion, Instant checkedAt, String checkedBy, String processInstanceId) {
    jdbc.sql("""
            insert into gate_result (session_id, gate_key, gate_name, passed, violations, rule_version, checked_at,
                                     checked_by, process_instance_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, gateKey, gateName, violations.isEmpty(), write(violations), ruleVersion,
            Timestamp.from(checkedAt), checkedBy, processInstanceId)
        .update();
  }

  /** Every gate run of the session, in order, read once for the whole {@code reading}. */
  public List<GateResult> history(SessionReading reading) {
    return reading.once(GATE_HISTORY, this::history);
  }

  /** Every result of the session, oldest first. */
  public List<GateResult> history(long sessionId) {
    return jdbc.sql("select * from gate_result where session_id = ? order by id")
        .param(sessionId)
        .query((rs, n) -> new GateResult(rs.getLong("id"), rs.getLong("session_id"), rs.getString("gate_key"),
            rs.getString("gate_name"), rs.getBoolean("passed"), read(rs.getString("violations")), rs.getString("rule_version"),
            rs.getTimestamp("checked_at").toInstant(), rs.getString("checked_by")))
        .list();
  }

  /** The result in force for each gate: its latest run. */
  public Map<String, GateResult> latest(long sessionId) {
    return latestOf(history(sessionId));
  }

  /** The latest run of each gate in a session's history (oldest first). */
  public static Map<String, GateResult> latestOf(List<GateResult> history) {
    Map<String, GateResult> latest = new LinkedHashMap<>();
    history.forEach(r -> latest.put(r.gateKey(), r));
    return latest;
  }

  private String write(List<Violation> violations) {
    try {
      return json.writeValueAsString(violations);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Violation> read(String text) {
    try {
      return json.readValue(text, VIOLATIONS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
