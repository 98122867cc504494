package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.Contacts;
import cn.gx.titlereview.platform.BulkInsert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A session's experts: its one-off roster, or its committee's library as of the snapshot frozen at its roster gate,
 * both read through the {@code session_expert} view (docs/library.md). Contacts are stored encrypted and come back
 * whole only through {@link #contacts}.
 */
@Repository
public class RosterRepository {

  static final List<String> COLUMNS = List.of("session_id", "expert_code", "name", "employer", "specialty", "title",
      "phone", "phone_masked", "status", "code_rank", "email", "email_masked");

  private final JdbcClient jdbc;
  private final BulkInsert bulk;
  private final Contacts contactStore;

  public RosterRepository(JdbcClient jdbc, BulkInsert bulk, Contacts contactStore) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.contactStore = contactStore;
  }

  /**
   * Rosters run to 100,000 experts: written in bulk, each with its place in the code order ({@code code_rank}), so
   * that the draw reads the pool already in the order its SHA-256 is taken in.
   */
  public void replaceAll(long sessionId, List<Expert> experts) {
    jdbc.sql("delete from expert where session_id = ?").param(sessionId).update();
    List<Expert> byCode = experts.stream().sorted(Comparator.comparing(Expert::expertCode)).toList();
    List<Object[]> rows = new ArrayList<>(byCode.size());
    for (int rank = 0; rank < byCode.size(); rank++) {
      Expert e = byCode.get(rank);
      Contacts.Sealed contact = contactStore.seal(e.phone(), e.email());
      rows.add(new Object[] {sessionId, e.expertCode(), e.name(), e.employer(), e.specialty(), e.title(),
          contact.phone(), contact.phoneMasked(), e.status(), rank, contact.email(), contact.emailMasked()});
    }
    bulk.insert("expert", COLUMNS, rows);
  }

  /** What the draw reads of an expert: nothing the rules do not need. */
  public interface PoolVisitor {
    void visit(long id, String expertCode, String specialty);
  }

  /**
   * Every active expert of the session, in the order of their codes (Java's, as the pool's SHA-256 sorts), in one
   * pass that keeps nothing. A roster imported before the order was kept is read whole and sorted here.
   */
  public void forEachActiveByCode(long sessionId, PoolVisitor visitor) {
    List<PoolRow> unranked = new ArrayList<>();
    jdbc.sql("select id, expert_code, specialty, code_rank from session_expert where session_id = ? and status = ? "
            + "order by code_rank")
        .params(sessionId, Expert.ACTIVE)
        .query(rs -> {
          long id = rs.getLong(1);
          String code = rs.getString(2);
          String specialty = rs.getString(3);
          rs.getInt(4);
          if (rs.wasNull() || !unranked.isEmpty()) {
            unranked.add(new PoolRow(id, code, specialty));
          } else {
            visitor.visit(id, code, specialty);
          }
        });
    unranked.stream().sorted(Comparator.comparing(PoolRow::code))
        .forEach(r -> visitor.visit(r.id(), r.code(), r.specialty()));
  }

  private record PoolRow(long id, String code, String specialty) {
  }

  /** Active experts per specialty, counted by the database. */
  public Map<String, Integer> activeCounts(long sessionId) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql("select specialty, count(*) from session_expert where session_id = ? and status = ? group by specialty")
        .params(sessionId, Expert.ACTIVE)
        .query(rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        });
    return counts;
  }

  /** The specialties of the active experts among these codes (the masked ones), one entry per expert. */
  public List<String> activeSpecialtiesOf(long sessionId, Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    List<String> specialties = new ArrayList<>();
    for (List<String> chunk : chunks(List.copyOf(codes), 1_000)) {
      specialties.addAll(jdbc.sql("select specialty from session_expert where session_id = :session "
              + "and status = :status "
              + "and expert_code in (:codes)")
          .param("session", sessionId).param("status", Expert.ACTIVE).param("codes", chunk)
          .query(String.class).list());
    }
    return specialties;
  }

  private static List<List<String>> chunks(List<String> all, int size) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      chunks.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return chunks;
  }

  /** The session's experts: its own roster, or its frozen library snapshot. */
  public int count(long sessionId) {
    return jdbc.sql("select count(*) from session_expert where session_id = ?").param(sessionId).query(Integer.class)
        .single();
  }

  /** Experts of the session's own one-off roster (none when it draws from its committee's library). */
  public int ownCount(long sessionId) {
    return jdbc.sql("select count(*) from expert where session_id = ?").param(sessionId).query(Integer.class)
        .single();
  }

  /** Experts left out of every draw because their roster status is suspended; contacts masked. */
  public List<Expert> suspended(long sessionId) {
    return jdbc.sql("select * from session_expert where session_id = ? and status = ? order by expert_code")
        .params(sessionId, Expert.SUSPENDED)
        .query((rs, n) -> new Expert(rs.getLong("id"), rs.getString("expert_code"), rs.getString("name"),
            rs.getString("employer"), rs.getString("specialty"), rs.getString("title"), rs.getString("phone_masked"),
            rs.getString("status"), rs.getString("email_masked")))
        .list();
  }

  /**
   * How to reach a drawn expert, whole: personal data, for his own notice and the staff's call list and contact
   * page only (each of which records its read).
   */
  public record Contact(long expertId, String expertCode, String name, String phone, String email) {
  }

  /** The drawn experts' contacts, decrypted: the one place a whole number leaves the database. */
  public List<Contact> contacts(long sessionId, Collection<Long> expertIds) {
    if (expertIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select id, expert_code, name, phone, email from session_expert
            where session_id = :session and id in (:ids) order by expert_code""")
        .param("session", sessionId).param("ids", expertIds)
        .query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("expert_code"), rs.getString("name"),
            contactStore.open(rs.getString("phone")), contactStore.open(rs.getString("email"))))
        .list();
  }

  /** The draw pool: id and code of every active expert of the given specialty. */
  public List<PoolEntry> activePool(long sessionId, String specialty) {
    return jdbc.sql("select id, expert_code from session_expert where session_id = ? and status = ? and specialty = ?")
        .params(sessionId, Expert.ACTIVE, specialty)
        .query((rs, n) -> new PoolEntry(rs.getLong("id"), rs.getString("expert_code")))
        .list();
  }

  public record PoolEntry(long id, String expertCode) {
  }
}
