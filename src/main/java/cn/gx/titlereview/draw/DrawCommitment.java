package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The commitment made to the supervisor before a draw, and the seed it yields once the supervisor adds a phrase. Its
 * hashes name their algorithm ({@code sm3:…}; bare for an earlier SHA-256), which is the draw's from then on.
 */
@Repository
public class DrawCommitment {

  public record Commitment(String poolSha256, String randomHex, String randomSha256, Instant committedAt,
      String phrase, String confirmedBy, Instant confirmedAt, boolean offline) {

    public boolean confirmed() {
      return confirmedBy != null;
    }

    public String seedHex() {
      return ReproducibleDraw.seedHex(randomHex, phrase, algorithm());
    }

    /** The draw's hash: the one the committed pool hash names. */
    public HashAlgorithm algorithm() {
      return HashAlgorithm.of(poolSha256);
    }
  }

  private final JdbcClient jdbc;

  public DrawCommitment(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Commits to a pool's named hash and random bytes, hashed by the pool hash's algorithm. */
  public void commit(long sessionId, String poolSha256, String randomHex, Instant at) {
    jdbc.sql("delete from draw_commitment where session_id = ?").param(sessionId).update();
    jdbc.sql("""
            insert into draw_commitment (session_id, pool_sha256, random_hex, random_sha256, committed_at)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, poolSha256, randomHex, HashAlgorithm.of(poolSha256).named(HexFormat.of().parseHex(randomHex)),
            Timestamp.from(at))
        .update();
  }

  /** Online, the phrase completes the seed; offline (phrase null), the offline program's result brings its own. */
  public void confirm(long sessionId, String phrase, boolean offline, String user, Instant at) {
    jdbc.sql("""
            update draw_commitment set phrase = ?, offline = ?, confirmed_by = ?, confirmed_at = ?
            where session_id = ?""")
        .params(phrase, offline, user, Timestamp.from(at), sessionId).update();
  }

  /** An uploaded, verified result of the offline program; uploading again replaces it until the draw runs. */
  public record OfflineResult(String fileSha256, String randomHex, String phrase, String seedHex, Instant drawnAt,
      String uploadedBy, Instant uploadedAt) {
  }

  public void saveOfflineResult(long sessionId, String poolSha256, OfflineResult r) {
    jdbc.sql("delete from offline_draw_result where session_id = ?").param(sessionId).update();
    jdbc.sql("""
            insert into offline_draw_result (session_id, file_sha256, pool_sha256, random_hex, phrase, seed_hex,
                                             drawn_at, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, r.fileSha256(), poolSha256, r.randomHex(), r.phrase(), r.seedHex(),
            Timestamp.from(r.drawnAt()), r.uploadedBy(), Timestamp.from(r.uploadedAt()))
        .update();
  }

  public Optional<OfflineResult> offlineResult(long sessionId) {
    return jdbc.sql("select * from offline_draw_result where session_id = ?").param(sessionId)
        .query((rs, n) -> new OfflineResult(rs.getString("file_sha256"), rs.getString("random_hex"),
            rs.getString("phrase"), rs.getString("seed_hex"), rs.getTimestamp("drawn_at").toInstant(),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
        .optional();
  }

  public Optional<Commitment> find(long sessionId) {
    return jdbc.sql("select * from draw_commitment where session_id = ?").param(sessionId)
        .query((rs, n) -> new Commitment(rs.getString("pool_sha256"), rs.getString("random_hex"),
            rs.getString("random_sha256"), rs.getTimestamp("committed_at").toInstant(), rs.getString("phrase"),
            rs.getString("confirmed_by"),
            rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
            rs.getBoolean("offline")))
        .optional();
  }
}
