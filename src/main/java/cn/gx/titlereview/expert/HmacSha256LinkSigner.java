package cn.gx.titlereview.expert;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HMAC-SHA256 with the JDK's {@link Mac}. The key is the operators' ({@code titlereview.experts.links.key}) or, without
 * one, 32 random bytes made on first use and kept in the database, so that every node signs alike and links outlive a
 * restart.
 */
@Component
class HmacSha256LinkSigner implements LinkSigner {

  static final String ALGORITHM = "HmacSHA256";

  private final ExpertSettings settings;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private volatile SecretKeySpec key;

  HmacSha256LinkSigner(ExpertSettings settings, JdbcClient jdbc, Clock clock,
      PlatformTransactionManager transactions) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.clock = clock;
    // Made in a transaction of its own: a race lost to another node must not abort the caller's transaction.
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public String algorithm() {
    return "HMAC-SHA256";
  }

  @Override
  public byte[] mac(byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key());
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec known = key;
    if (known == null) {
      byte[] configured = settings.links().keyBytes();
      known = new SecretKeySpec(configured != null ? configured : storedKey(), ALGORITHM);
      key = known;
    }
    return known;
  }

  private byte[] storedKey() {
    try {
      return ownTransaction.execute(status -> read().orElseGet(this::create));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return ownTransaction.execute(status -> read().orElseThrow());
    }
  }

  private Optional<byte[]> read() {
    return jdbc.sql("select key_bytes from expert_link_key where algorithm = ?").param(ALGORITHM).query(byte[].class)
        .optional();
  }

  private byte[] create() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jdbc.sql("insert into expert_link_key (algorithm, key_bytes, created_at) values (?, ?, ?)")
        .params(ALGORITHM, fresh, Timestamp.from(clock.instant())).update();
    return fresh;
  }
}
