package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commitment made to the supervisor before a draw, and the seed it yields once the supervisor adds a phrase. */
@Repository
public class DrawCommitment {

  public record Commitment(String poolSha256, String randomHex, String randomSha256, Instant committedAt,
      String phrase, String confirmedBy, Instant confirmedAt) {

    /** seed = SHA-256(random bytes || phrase in UTF-8), as hex. */
    public String seedHex() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes(HexFormat.of().parseHex(randomHex));
      bytes.writeBytes(phrase.getBytes(StandardCharsets.UTF_8));
      return ImportFile.sha256(bytes.toByteArray());
    }
  }

  private final JdbcClient jdbc;

  public DrawCommitment(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void commit(long sessionId, String poolSha256, String randomHex, Instant at) {
    jdbc.sql("delete from draw_commitment where session_id = ?").param(sessionId).update();
    jdbc.sql("""
            insert into draw_commitment (session_id, pool_sha256, random_hex, random_sha256, committed_at)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, poolSha256, randomHex, ImportFile.sha256(HexFormat.of().parseHex(randomHex)),
            Timestamp.from(at))
        .update();
  }

  public void confirm(long sessionId, String phrase, String user, Instant at) {
    jdbc.sql("update draw_commitment set phrase = ?, confirmed_by = ?, confirmed_at = ? where session_id = ?")
        .params(phrase, user, Timestamp.from(at), sessionId).update();
  }

  public Optional<Commitment> find(long sessionId) {
    return jdbc.sql("select * from draw_commitment where session_id = ?").param(sessionId)
        .query((rs, n) -> new Commitment(rs.getString("pool_sha256"), rs.getString("random_hex"),
            rs.getString("random_sha256"), rs.getTimestamp("committed_at").toInstant(), rs.getString("phrase"),
            rs.getString("confirmed_by"),
            rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant()))
        .optional();
  }
}
