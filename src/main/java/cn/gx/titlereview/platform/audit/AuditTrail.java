package cn.gx.titlereview.platform.audit;

import cn.gx.titlereview.platform.crypto.CryptoSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit trail (安全审计, docs/audit.md). A line is written in the transaction that does what it
 * records, so a reply that was sent always has its line, and a change rolled back has none. Lines are appended to a
 * hash chain ({@link AuditChain}) just before that transaction commits, under a row lock on the chain's head: two
 * nodes append one after the other, and the lock is held only for the commit. Each line, once committed, is also
 * written as one JSON line to the logger {@code cn.gx.titlereview.audit}, for a log collector outside this server.
 */
@Service
public class AuditTrail {

  static final String SYSTEM = "system";
  /** Lines shipped to the log, one JSON object each, after their transaction committed. */
  private static final Logger SHIPPED = LoggerFactory.getLogger("cn.gx.titlereview.audit");
  /** Set on a request once it recorded an export, so that {@link ExportAudit} does not record it twice. */
  static final String EXPORT_RECORDED = AuditTrail.class.getName() + ".exportRecorded";

  private static final String COLUMNS = "id, seq, at, actor, kind, subject, detail, address, previous_hash, hash";

  private record Pending(Instant at, String actor, AuditKind kind, String subject, String detail, String address) {
  }

  /** The lines a transaction recorded, appended when it commits. */
  private final class Queue implements TransactionSynchronization {
    private final List<Pending> lines = new ArrayList<>();
    private final List<AuditEntry> appended = new ArrayList<>();
    private boolean flushed;

    void add(Pending line) {
      if (flushed) {
        // Recorded by another synchronization after ours ran: still inside the transaction, so append at once.
        appended.addAll(append(List.of(line)));
      } else {
        lines.add(line);
      }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      flushed = true;
      appended.addAll(append(lines));
    }

    @Override
    public void afterCommit() {
      appended.forEach(AuditTrail.this::ship);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
    }
  }

  private final JdbcClient jdbc;
  /** Lazily: the engine's own plugins write here while it starts. */
  private final ObjectProvider<IdentityService> identityService;
  private final Clock clock;
  private final CryptoSettings crypto;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;

  AuditTrail(JdbcClient jdbc, ObjectProvider<IdentityService> identityService, Clock clock, CryptoSettings crypto,
      PlatformTransactionManager transactions, ObjectMapper json) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.clock = clock;
    this.crypto = crypto;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
  }

  /** Records what the current caller did; outside a request the actor is the system and the address empty. */
  public void record(AuditKind kind, String subject, String detail) {
    Authentication caller = identityService.getObject().getCurrentAuthentication();
    record(caller == null ? null : caller.getUserId(), kind, subject, detail);
  }

  /** Records what an account did before the engine knows it as the caller (a login, a failed login, a logout). */
  public void record(String actor, AuditKind kind, String subject, String detail) {
    record(actor, callerAddress(), kind, subject, detail);
  }

  /** As {@link #record(String, AuditKind, String, String)}, from an address the caller knows (a login's). */
  public void record(String actor, String address, AuditKind kind, String subject, String detail) {
    Pending line = new Pending(clock.instant().truncatedTo(ChronoUnit.MILLIS), clip(actor == null ? SYSTEM : actor, 64),
        kind, clip(subject == null ? "" : subject, 128), clip(detail == null ? "" : detail, 1000),
        address == null ? null : clip(address, 64));
    if (kind == AuditKind.EXPORT
        && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      attributes.setAttribute(EXPORT_RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      Queue queue = (Queue) TransactionSynchronizationManager.getResource(this);
      if (queue == null) {
        queue = new Queue();
        TransactionSynchronizationManager.bindResource(this, queue);
        TransactionSynchronizationManager.registerSynchronization(queue);
      }
      queue.add(line);
    } else {
      transaction.execute(status -> append(List.of(line))).forEach(this::ship);
    }
  }

  /** Appends the lines to the chain, under the lock of its head row (SELECT … FOR UPDATE). */
  private List<AuditEntry> append(List<Pending> lines) {
    if (lines.isEmpty()) {
      return List.of();
    }
    record Head(long seq, String hash) {
    }
    Head head = jdbc.sql("select last_seq, last_hash from audit_chain where id = 1 for update")
        .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
    List<AuditEntry> written = new ArrayList<>();
    for (Pending line : lines) {
      long seq = head.seq() + 1;
      String hash = AuditChain.hash(crypto.hash(), seq, line.at(), line.actor(), line.kind().name(), line.subject(),
          line.detail(), line.address(), head.hash());
      jdbc.sql("""
              insert into audit_entry (seq, at, actor, kind, subject, detail, address, previous_hash, hash)
              values (:seq, :at, :actor, :kind, :subject, :detail, :address, :previous, :hash)""")
          .param("seq", seq)
          .param("at", Timestamp.from(line.at()))
          .param("actor", line.actor())
          .param("kind", line.kind().name())
          .param("subject", line.subject())
          .param("detail", line.detail())
          .param("address", line.address())
          .param("previous", head.hash())
          .param("hash", hash)
          .update();
      written.add(new AuditEntry(0, line.at(), line.actor(), line.kind(), line.subject(), line.detail(),
          line.address(), seq, hash));
      head = new Head(seq, hash);
    }
    jdbc.sql("update audit_chain set last_seq = :seq, last_hash = :hash where id = 1")
        .param("seq", head.seq()).param("hash", head.hash()).update();
    return written;
  }

  private void ship(AuditEntry entry) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("seq", entry.seq());
    line.put("at", entry.at().toString());
    line.put("actor", entry.actor());
    line.put("kind", entry.kind().name());
    line.put("subject", entry.subject());
    line.put("detail", entry.detail());
    line.put("address", entry.address());
    line.put("hash", entry.hash());
    try {
      SHIPPED.info(json.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries about one subject, newest first. */
  public List<AuditEntry> about(String subject) {
    return search(new AuditQuery(subject, null, null, null, null), Integer.MAX_VALUE);
  }

  /** The newest {@code limit} entries about any of the subjects (a committee's library and its sessions). */
  public List<AuditEntry> about(Collection<String> subjects, int limit) {
    return jdbc.sql("select " + COLUMNS + " from audit_entry where subject in (:subjects) order by id desc"
            + " fetch first :limit rows only")
        .param("subjects", subjects).param("limit", limit)
        .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            AuditKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("detail"),
            rs.getString("address"), rs.getLong("seq"), rs.getString("hash")))
        .list();
  }

  /** The entries the query selects, newest first, at most {@code limit}. */
  public List<AuditEntry> search(AuditQuery query, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (query.subject() != null) {
      sql.append(" and subject = :subject");
      params.put("subject", query.subject());
    }
    if (query.actor() != null) {
      sql.append(" and actor = :actor");
      params.put("actor", query.actor());
    }
    if (query.kind() != null) {
      sql.append(" and kind = :kind");
      params.put("kind", query.kind().name());
    }
    if (query.from() != null) {
      sql.append(" and at >= :from");
      params.put("from", Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and at < :to");
      params.put("to", Timestamp.from(query.to()));
    }
    sql.append(" order by id desc");
    if (limit < Integer.MAX_VALUE) {
      sql.append(" fetch first ").append(Math.max(1, limit)).append(" rows only");
    }
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            AuditKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("detail"),
            rs.getString("address"), rs.getLong("seq"), rs.getString("hash")))
        .list();
  }

  /** Walks the whole chain: whether every line still follows the one before it, and what does not. */
  public ChainCheck check() {
    AuditChain.Walk walk = new AuditChain.Walk();
    jdbc.sql("select " + COLUMNS + " from audit_entry where seq is not null order by seq")
        .query(rs -> {
          walk.next(AuditChain.Line.of(rs));
        });
    long unchained = jdbc.sql("select count(*) from audit_entry where seq is null").query(Long.class).single();
    jdbc.sql("select last_seq, last_hash from audit_chain where id = 1")
        .query(rs -> {
          walk.end(rs.getLong("last_seq"), rs.getString("last_hash"), unchained);
        });
    return new ChainCheck(walk.problems().isEmpty(), walk.lines(), walk.problems());
  }

  /** The outcome of a chain check: intact or not, how many lines were checked, what does not follow (in Chinese). */
  public record ChainCheck(boolean intact, long lines, List<String> problems) {
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String callerAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
