package cn.gx.titlereview.expert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExpertLinkRepository {

  private final JdbcClient jdbc;

  ExpertLinkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ExpertLink link) {
    jdbc.sql("""
            insert into expert_link (id, session_id, expert_id, purpose, signed_with, issued_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(link.id(), link.sessionId(), link.expertId(), link.purpose().name(), link.signedWith(),
            Timestamp.from(link.issuedAt()))
        .update();
  }

  Optional<ExpertLink> find(String id) {
    return jdbc.sql("select * from expert_link where id = ?").param(id).query(ExpertLinkRepository::link).optional();
  }

  List<ExpertLink> ofSession(long sessionId) {
    return jdbc.sql("select * from expert_link where session_id = ? order by issued_at, id").param(sessionId)
        .query(ExpertLinkRepository::link).list();
  }

  /** Links whose notice has not gone out yet, and may still be answered. */
  List<ExpertLink> undispatched(long sessionId) {
    return jdbc.sql("""
            select * from expert_link where session_id = ? and dispatched_at is null and used_at is null
              and revoked_at is null order by issued_at, id""")
        .param(sessionId).query(ExpertLinkRepository::link).list();
  }

  /** Claims the link's notice for sending: true for exactly one caller. */
  boolean claimDispatch(String id, Instant at) {
    return jdbc.sql("update expert_link set dispatched_at = ? where id = ? and dispatched_at is null")
        .params(Timestamp.from(at), id).update() == 1;
  }

  /** Notes the first visit: true when this was it. */
  boolean markOpened(String id, Instant at) {
    return jdbc.sql("update expert_link set first_opened_at = ? where id = ? and first_opened_at is null")
        .params(Timestamp.from(at), id).update() == 1;
  }

  /** Spends the link on its final answer: true for exactly one answer, however many arrive at once. */
  boolean markUsed(String id, Instant at) {
    return jdbc.sql("update expert_link set used_at = ? where id = ? and used_at is null and revoked_at is null")
        .params(Timestamp.from(at), id).update() == 1;
  }

  boolean revoke(String id, String user, Instant at) {
    return jdbc.sql("""
            update expert_link set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null
              and used_at is null""")
        .params(Timestamp.from(at), user, id).update() == 1;
  }

  Optional<Instant> expiry(long sessionId) {
    return jdbc.sql("select expires_at from expert_link_expiry where session_id = ?").param(sessionId)
        .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
  }

  void setExpiry(long sessionId, Instant expiresAt, String user, Instant at) {
    jdbc.sql("delete from expert_link_expiry where session_id = ?").param(sessionId).update();
    jdbc.sql("insert into expert_link_expiry (session_id, expires_at, set_by, set_at) values (?, ?, ?, ?)")
        .params(sessionId, Timestamp.from(expiresAt), user, Timestamp.from(at)).update();
  }

  private static ExpertLink link(ResultSet rs, int n) throws SQLException {
    return new ExpertLink(rs.getString("id"), rs.getLong("session_id"), rs.getLong("expert_id"),
        LinkPurpose.valueOf(rs.getString("purpose")), rs.getString("signed_with"), instant(rs, "issued_at"),
        instant(rs, "dispatched_at"), instant(rs, "first_opened_at"), instant(rs, "used_at"),
        instant(rs, "revoked_at"), rs.getString("revoked_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
