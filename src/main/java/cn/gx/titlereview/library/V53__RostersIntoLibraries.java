package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.crypto.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The upgrade to the libraries (docs/library.md): every contact stored so far is encrypted, and each committee's
 * latest per-session roster becomes version 1 of its library (迁入). The sessions keep their own rows, so that their
 * draws recompute to the same pool hash and their signed records keep their words. A Java migration because the
 * key is the operator's, outside the database; Flyway's class name carries the version.
 */
@Component
class V53__RostersIntoLibraries extends BaseJavaMigration {

  private final Contacts contacts;
  private final Clock clock;

  V53__RostersIntoLibraries(Contacts contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    encryptContacts(connection);
    List<long[]> latest = new ArrayList<>();
    try (ResultSet rs = connection.createStatement().executeQuery("""
        select s.committee_id, max(s.id) from review_session s
        where exists (select 1 from expert e where e.session_id = s.id)
          and s.review_year = (select max(t.review_year) from review_session t where t.committee_id = s.committee_id
                               and exists (select 1 from expert f where f.session_id = t.id))
        group by s.committee_id""")) {
      while (rs.next()) {
        latest.add(new long[] {rs.getLong(1), rs.getLong(2)});
      }
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (long[] pair : latest) {
      try (PreparedStatement copy = connection.prepareStatement("""
          insert into expert (committee_id, from_version, expert_code, name, employer, specialty, title, phone,
                              phone_masked, email, email_masked, status)
          select ?, 1, expert_code, name, employer, specialty, title, phone, phone_masked, email, email_masked, status
          from expert where session_id = ?""");
          PreparedStatement version = connection.prepareStatement("""
              insert into library_version (committee_id, version, kind, summary, added, changed, leaving, expert_count,
                                           created_by, created_at)
              select ?, 1, ?, '由评审会 ' || code || ' 的评委名册迁入（升级时）', ?, 0, 0, ?, 'system', ?
              from review_session where id = ?""")) {
        copy.setLong(1, pair[0]);
        copy.setLong(2, pair[1]);
        int rows = copy.executeUpdate();
        version.setLong(1, pair[0]);
        version.setString(2, LibraryService.MIGRATION);
        version.setInt(3, rows);
        version.setInt(4, rows);
        version.setTimestamp(5, now);
        version.setLong(6, pair[1]);
        version.executeUpdate();
      }
    }
  }

  /** Encrypts every telephone number and e-mail address still stored in plain text. */
  private void encryptContacts(Connection connection) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "update expert set phone = ?, phone_masked = ?, email = ?, email_masked = ? where id = ?");
        ResultSet rs = connection.createStatement().executeQuery("select id, phone, email from expert")) {
      int pending = 0;
      while (rs.next()) {
        String phone = rs.getString(2);
        String email = rs.getString(3);
        if (FieldCipher.isSealed(phone)) {
          continue;
        }
        Contacts.Sealed sealed = contacts.seal(phone, email);
        update.setString(1, sealed.phone());
        update.setString(2, sealed.phoneMasked());
        update.setString(3, sealed.email());
        update.setString(4, sealed.emailMasked());
        update.setLong(5, rs.getLong(1));
        update.addBatch();
        if (++pending % 1_000 == 0) {
          update.executeBatch();
        }
      }
      update.executeBatch();
    }
  }
}
