package cn.gx.titlereview.spotcheck;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SpotCheckRepository {

  private final JdbcClient jdbc;

  public SpotCheckRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public int nextAttempt(long sessionId) {
    return jdbc.sql("select coalesce(max(attempt), 0) + 1 from spot_check where session_id = ?").param(sessionId)
        .query(Integer.class).single();
  }

  /** Fixes the next attempt's pool and random bytes; a commitment not yet drawn is replaced. */
  public void commit(long sessionId, SpotCheck.Commitment c) {
    jdbc.sql("delete from spot_check_commitment where session_id = ? and attempt = ?").params(sessionId, c.attempt())
        .update();
    jdbc.sql("""
            insert into spot_check_commitment (session_id, attempt, pool, pool_sha256, random_hex, random_sha256,
                                               committed_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, c.attempt(), String.join("\n", c.pool()), c.poolSha256(), c.randomHex(), c.randomSha256(),
            Timestamp.from(c.committedAt()))
        .update();
  }

  public Optional<SpotCheck.Commitment> commitment(long sessionId, int attempt) {
    return jdbc.sql("select * from spot_check_commitment where session_id = ? and attempt = ?")
        .params(sessionId, attempt)
        .query((rs, n) -> new SpotCheck.Commitment(rs.getInt("attempt"), pool(rs.getString("pool")),
            rs.getString("pool_sha256"), rs.getString("random_hex"), rs.getString("random_sha256"),
            rs.getTimestamp("committed_at").toInstant()))
        .optional();
  }

  public void insert(long sessionId, int attempt, int ratioPercent, String seedHex, String phrase, int poolSize,
      List<Long> sample, String user, Instant at) {
    jdbc.sql("""
            insert into spot_check (session_id, attempt, ratio_percent, seed_hex, phrase, pool_size, drawn_by, drawn_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, attempt, ratioPercent, seedHex, phrase, poolSize, user, Timestamp.from(at)).update();
    for (int i = 0; i < sample.size(); i++) {
      jdbc.sql("""
              insert into spot_check_item (session_id, attempt, applicant_id, sample_order) values (?, ?, ?, ?)""")
          .params(sessionId, attempt, sample.get(i), i + 1).update();
    }
  }

  public void recordFinding(long sessionId, int attempt, long applicantId, boolean problem, String note,
      String user, Instant at) {
    jdbc.sql("""
            update spot_check_item set problem = ?, note = ?, recorded_by = ?, recorded_at = ?
            where session_id = ? and attempt = ? and applicant_id = ?""")
        .params(problem, note, user, Timestamp.from(at), sessionId, attempt, applicantId).update();
  }

  /** The latest spot-check of the session, with its sample in order. */
  public Optional<SpotCheck> latest(long sessionId) {
    List<SpotCheck> all = all(sessionId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Every spot-check drawn for the session, oldest first, each with its commitment and sample. */
  public List<SpotCheck> all(long sessionId) {
    return jdbc.sql("select * from spot_check where session_id = ? order by attempt").param(sessionId)
        .query((rs, n) -> new SpotCheck(rs.getInt("attempt"), rs.getInt("ratio_percent"), rs.getString("seed_hex"),
            rs.getInt("pool_size"), rs.getString("drawn_by"), rs.getTimestamp("drawn_at").toInstant(), List.of(),
            null, rs.getString("phrase")))
        .list().stream()
        .map(check -> new SpotCheck(check.attempt(), check.ratioPercent(), check.seedHex(), check.poolSize(),
            check.drawnBy(), check.drawnAt(), items(sessionId, check.attempt()),
            commitment(sessionId, check.attempt()).orElse(null), check.phrase()))
        .toList();
  }

  private List<SpotCheck.Item> items(long sessionId, int attempt) {
    return jdbc.sql("""
            select i.*, a.applicant_no, a.name from spot_check_item i join applicant a on a.id = i.applicant_id
            where i.session_id = ? and i.attempt = ? order by i.sample_order""")
        .params(sessionId, attempt)
        .query((rs, n) -> new SpotCheck.Item(rs.getLong("applicant_id"), rs.getString("applicant_no"),
            rs.getString("name"), rs.getInt("sample_order"), (Boolean) rs.getObject("problem"), rs.getString("note"),
            rs.getString("recorded_by")))
        .list();
  }

  private static List<String> pool(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }
}
