package cn.gx.titlereview.platform.audit;

import cn.gx.titlereview.platform.crypto.CryptoSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway's V62: the lines written before the chain existed (V51 to V61) are chained once, in the order they were
 * written, with the hash of the profile in force. Runs as the schema's owner, the only role that may update them.
 */
@Component
class ChainEarlierLines implements JavaMigration {

  private final CryptoSettings crypto;

  ChainEarlierLines(CryptoSettings crypto) {
    this.crypto = crypto;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("62");
  }

  @Override
  public String getDescription() {
    return "chain earlier audit lines";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    long seq;
    String previous;
    try (PreparedStatement head = db.prepareStatement("select last_seq, last_hash from audit_chain where id = 1");
        ResultSet rs = head.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
      previous = rs.getString(2);
    }
    try (PreparedStatement lines = db.prepareStatement(
            "select id, at, actor, kind, subject, detail, address from audit_entry where seq is null order by id");
        PreparedStatement chain = db.prepareStatement(
            "update audit_entry set seq = ?, previous_hash = ?, hash = ? where id = ?");
        ResultSet rs = lines.executeQuery()) {
      while (rs.next()) {
        seq++;
        String hash = AuditChain.hash(crypto.hash(), seq, rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            rs.getString("kind"), rs.getString("subject"), rs.getString("detail"), rs.getString("address"),
            previous);
        chain.setLong(1, seq);
        chain.setString(2, previous);
        chain.setString(3, hash);
        chain.setLong(4, rs.getLong("id"));
        chain.executeUpdate();
        previous = hash;
      }
    }
    try (PreparedStatement head = db.prepareStatement(
        "update audit_chain set last_seq = ?, last_hash = ? where id = 1")) {
      head.setLong(1, seq);
      head.setString(2, previous);
      head.executeUpdate();
    }
  }
}
