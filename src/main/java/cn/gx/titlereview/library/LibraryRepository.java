package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.BulkInsert;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The libraries' rows and versions. A row is written once and closed by the version that replaces it
 * ({@code to_version}); the current library is the rows not closed, a version's library those open at it.
 */
@Repository
class LibraryRepository {

  /** A library row; its contacts as stored (sealed), with their masked forms. */
  record Row(long id, String expertCode, String name, String employer, String specialty, String title, String phone,
      String phoneMasked, String email, String emailMasked, String status, String statusReason, LocalDate statusDate,
      LocalDate termStart, LocalDate termEnd, int fromVersion) {

    boolean inLibrary() {
      return !ExpertColumns.LEFT.equals(status);
    }
  }

  /** One version: what changed, who confirmed it and when. */
  record Version(long committeeId, int version, String kind, String summary, String fileName, String fileSha256,
      int added, int changed, int leaving, int expertCount, String createdBy, Instant createdAt) {
  }

  static final List<String> COLUMNS = List.of("committee_id", "from_version", "expert_code", "name", "employer",
      "specialty", "title", "phone", "phone_masked", "email", "email_masked", "status", "status_reason",
      "status_date", "term_start", "term_end");

  private final JdbcClient jdbc;
  private final BulkInsert bulk;

  LibraryRepository(JdbcClient jdbc, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.bulk = bulk;
  }

  /** The committee's current version; 0 when it has no library. */
  int currentVersion(long committeeId) {
    return jdbc.sql("select coalesce(max(version), 0) from library_version where committee_id = ?")
        .param(committeeId).query(Integer.class).single();
  }

  Optional<Version> version(long committeeId, int version) {
    return jdbc.sql("select * from library_version where committee_id = ? and version = ?")
        .params(committeeId, version).query((rs, n) -> version(rs)).optional();
  }

  /** Every version, newest first. */
  List<Version> versions(long committeeId) {
    return jdbc.sql("select * from library_version where committee_id = ? order by version desc")
        .param(committeeId).query((rs, n) -> version(rs)).list();
  }

  /** The current rows (出库 included), by code. */
  List<Row> current(long committeeId) {
    return jdbc.sql("select * from expert where committee_id = ? and session_id is null and to_version is null "
            + "order by expert_code")
        .param(committeeId).query((rs, n) -> row(rs)).list();
  }

  /** The current rows whose code, name, employer or specialty contain {@code text} (all when blank), a page. */
  List<Row> current(long committeeId, String text, int offset, int limit) {
    return jdbc.sql("""
            select * from expert where committee_id = :committee and session_id is null and to_version is null
            and (:text = '' or expert_code like :like or name like :like or employer like :like or specialty like :like)
            order by expert_code offset :offset rows fetch next :limit rows only""")
        .param("committee", committeeId).param("text", text).param("like", "%" + text + "%")
        .param("offset", offset).param("limit", limit)
        .query((rs, n) -> row(rs)).list();
  }

  Optional<Row> current(long committeeId, String code) {
    return jdbc.sql("select * from expert where committee_id = ? and session_id is null and to_version is null "
            + "and expert_code = ?")
        .params(committeeId, code).query((rs, n) -> row(rs)).optional();
  }

  /** Closes rows: from {@code version} on they are no longer the library's. */
  void close(List<Long> ids, int version) {
    for (int i = 0; i < ids.size(); i += 1_000) {
      jdbc.sql("update expert set to_version = :version where id in (:ids)")
          .param("version", version).param("ids", ids.subList(i, Math.min(ids.size(), i + 1_000))).update();
    }
  }

  /** Inserts rows (values in the order of {@link #COLUMNS}) in bulk. */
  void insert(List<Object[]> rows) {
    bulk.insert("expert", COLUMNS, rows);
  }

  static Object[] values(long committeeId, int version, String code, String name, String employer, String specialty,
      String title, Contacts.Sealed contact, String status, String reason, LocalDate statusDate, LocalDate termStart,
      LocalDate termEnd) {
    return new Object[] {committeeId, version, code, name, employer, specialty, title, contact.phone(),
        contact.phoneMasked(), contact.email(), contact.emailMasked(), status, reason, statusDate, termStart, termEnd};
  }

  /** The row again under a new version, with what changed (its sealed contact kept as it was unless given). */
  static Object[] copy(Row r, long committeeId, int version, Map<String, Object> changes) {
    Object[] v = values(committeeId, version, r.expertCode(), r.name(), r.employer(), r.specialty(), r.title(),
        new Contacts.Sealed(r.phone(), r.phoneMasked(), r.email(), r.emailMasked()), r.status(), r.statusReason(),
        r.statusDate(), r.termStart(), r.termEnd());
    changes.forEach((column, value) -> v[COLUMNS.indexOf(column)] = value);
    return v;
  }

  void insertVersion(Version v) {
    jdbc.sql("""
            insert into library_version (committee_id, version, kind, summary, file_name, file_sha256, added, changed,
                                         leaving, expert_count, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(v.committeeId(), v.version(), v.kind(), v.summary(), v.fileName(), v.fileSha256(), v.added(),
            v.changed(), v.leaving(), v.expertCount(), v.createdBy(), Timestamp.from(v.createdAt()))
        .update();
  }

  /** Experts in the current library (在库 and 暂停). */
  int count(long committeeId) {
    return jdbc.sql("select count(*) from expert where committee_id = ? and session_id is null and to_version is null "
        + "and status <> ?").params(committeeId, ExpertColumns.LEFT).query(Integer.class).single();
  }

  /** Active experts (在库) per specialty in the current library. */
  Map<String, Integer> activeBySpecialty(long committeeId) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql("select specialty, count(*) from expert where committee_id = ? and session_id is null "
            + "and to_version is null and status = ? group by specialty")
        .params(committeeId, ExpertColumns.ACTIVE)
        .query(rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        });
    return counts;
  }

  private static Version version(ResultSet rs) throws SQLException {
    return new Version(rs.getLong("committee_id"), rs.getInt("version"), rs.getString("kind"), rs.getString("summary"),
        rs.getString("file_name"), rs.getString("file_sha256"), rs.getInt("added"), rs.getInt("changed"),
        rs.getInt("leaving"), rs.getInt("expert_count"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getLong("id"), rs.getString("expert_code"), rs.getString("name"), rs.getString("employer"),
        rs.getString("specialty"), rs.getString("title"), rs.getString("phone"), rs.getString("phone_masked"),
        rs.getString("email"), rs.getString("email_masked"), rs.getString("status"), rs.getString("status_reason"),
        date(rs, "status_date"), date(rs, "term_start"), date(rs, "term_end"), rs.getInt("from_version"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
