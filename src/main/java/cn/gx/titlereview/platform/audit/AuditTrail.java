package cn.gx.titlereview.platform.audit;

import cn.gx.titlereview.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit trail. A read of confidential data is recorded in the transaction that serves it, so a
 * reply that was sent always has its line.
 */
@Service
public class AuditTrail {

  private static final String SYSTEM = "system";

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Records what the current caller did; outside a request the actor is the system and the address empty. */
  public void record(AuditKind kind, String subject, String detail) {
    String actor = currentUser.id();
    jdbc.sql("""
            insert into audit_entry (at, actor, kind, subject, detail, address)
            values (:at, :actor, :kind, :subject, :detail, :address)""")
        .param("at", Timestamp.from(clock.instant()))
        .param("actor", actor == null ? SYSTEM : actor)
        .param("kind", kind.name())
        .param("subject", subject)
        .param("detail", detail)
        .param("address", callerAddress())
        .update();
  }

  /** The entries about one subject, newest first. */
  public List<AuditEntry> about(String subject) {
    return about(List.of(subject), Integer.MAX_VALUE);
  }

  /** The newest {@code limit} entries about any of the subjects (a committee's library and its sessions). */
  public List<AuditEntry> about(Collection<String> subjects, int limit) {
    return jdbc.sql("""
            select id, at, actor, kind, subject, detail, address from audit_entry
            where subject in (:subjects) order by id desc fetch first :limit rows only""")
        .param("subjects", subjects).param("limit", limit)
        .query((rs, row) -> new AuditEntry(
            rs.getLong("id"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            AuditKind.valueOf(rs.getString("kind")),
            rs.getString("subject"),
            rs.getString("detail"),
            rs.getString("address")))
        .list();
  }

  private static String callerAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
