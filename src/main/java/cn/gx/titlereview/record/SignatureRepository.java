package cn.gx.titlereview.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SignatureRepository {

  public record Signature(String role, String signedBy, Instant signedAt, String recordSha256) {
  }

  private final JdbcClient jdbc;

  public SignatureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(long sessionId, String role, String user, Instant at, String sha256) {
    jdbc.sql("""
            insert into record_signature (session_id, role, signed_by, signed_at, record_sha256)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, role, user, Timestamp.from(at), sha256)
        .update();
  }

  public List<Signature> list(long sessionId) {
    return jdbc.sql("select * from record_signature where session_id = ? order by id").param(sessionId)
        .query((rs, n) -> new Signature(rs.getString("role"), rs.getString("signed_by"),
            rs.getTimestamp("signed_at").toInstant(), rs.getString("record_sha256")))
        .list();
  }
}
