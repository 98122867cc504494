package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.crypto.FieldCipher;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation (docs/library.md): at each start, every contact sealed under another key or algorithm than the
 * current one is sealed again under the current one, a thousand rows a transaction. Once the log says none is left,
 * the operator may remove the old key from the key file. A value whose key is missing stops the start: the key must
 * be restored from its backup.
 */
@Component
class ContactRekeying implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContactRekeying.class);
  private static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final TransactionTemplate transactions;

  ContactRekeying(JdbcTemplate jdbc, FieldCipher cipher, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    int total = rekey();
    if (total > 0) {
      log.info("已用当前字段加密密钥 {} 重新加密 {} 条评委联系方式", cipher.currentKeyId(), total);
    }
  }

  /** Seals again what is not under the current key; the number of rows done. */
  int rekey() {
    String probe = cipher.seal("probe");
    String current = probe.substring(0, probe.lastIndexOf(':') + 1);
    int total = 0;
    long after = 0;
    while (true) {
      List<Object[]> stale = jdbc.query("""
              select id, phone, email from expert where id > ? and (phone not like ? or email not like ?)
              order by id fetch first %d rows only""".formatted(BATCH),
          (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, after, current + "%",
          current + "%");
      if (stale.isEmpty()) {
        return total;
      }
      List<Object[]> updates = new ArrayList<>();
      for (Object[] row : stale) {
        String phone = (String) row[1];
        String email = (String) row[2];
        if (!cipher.isCurrent(phone) || !cipher.isCurrent(email)) {
          updates.add(new Object[] {again(phone), again(email), row[0]});
        }
        after = (Long) row[0];
      }
      transactions.executeWithoutResult(status ->
          jdbc.batchUpdate("update expert set phone = ?, email = ? where id = ?", updates));
      total += updates.size();
    }
  }

  private String again(String sealed) {
    return sealed == null || cipher.isCurrent(sealed) ? sealed : cipher.seal(cipher.open(sealed));
  }
}
