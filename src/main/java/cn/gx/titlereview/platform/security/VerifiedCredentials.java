package cn.gx.titlereview.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Passwords this node has checked against the user store, with the user's groups, for a short while: HTTP Basic
 * sends the password with every request, and checking it again each time (user, password hash, groups — several
 * engine commands) was about a tenth of the application's CPU. An entry holds a keyed hash of the password
 * (HMAC-SHA256 under a key drawn at start and never stored), so a different password never matches and goes to the
 * user store, counted by the {@link LoginThrottle} as before.
 *
 * <p>An entry lives {@code titlereview.security.credential-cache.ttl} (default 60 s; 0 switches the cache off). Any
 * change of users, groups or memberships made through this node's engine (Admin, {@code /engine-rest}, our setup)
 * empties the cache at once, by an engine command interceptor; another node sharing the database, or an LDAP
 * directory, sees a change within the time to live.
 */
@Component
class VerifiedCredentials extends AbstractProcessEnginePlugin {

  /** The engine commands that change who a user is, what their password is, or which groups they belong to. */
  private static final Set<String> IDENTITY_CHANGES = Set.of("SaveUserCmd", "CreateUserCmd", "DeleteUserCmd",
      "UnlockUserCmd", "CreateMembershipCmd", "DeleteMembershipCmd", "SaveGroupCmd", "CreateGroupCmd",
      "DeleteGroupCmd", "CreateTenantUserMembershipCmd", "DeleteTenantUserMembershipCmd",
      "CreateTenantGroupMembershipCmd", "DeleteTenantGroupMembershipCmd");

  /** At most this many users are remembered (the least recently used go first): guessing names cannot fill the heap. */
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(byte[] passwordMac, List<GrantedAuthority> authorities) {
  }

  /** {@code titlereview.security.credential-cache.ttl}: how long a verified password is remembered; 0 for never. */
  @ConfigurationProperties("titlereview.security.credential-cache")
  record Settings(@DefaultValue("60s") Duration ttl) {
  }

  /** Expiring by the application's clock, so that tests move time; null when the cache is switched off. */
  private final Cache<String, Entry> entries;
  private final SecretKeySpec key;

  VerifiedCredentials(Settings settings, Clock clock) {
    Duration ttl = settings.ttl();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.entries = ttl.isZero() || ttl.isNegative() ? null : Caffeine.newBuilder().expireAfterWrite(ttl)
        .maximumSize(MAX_ENTRIES).ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
  }

  /** The user's groups if this exact password was verified for them within the time to live; null otherwise. */
  public List<GrantedAuthority> verified(String user, String password) {
    Entry entry = entries == null ? null : entries.getIfPresent(user);
    return entry != null && MessageDigest.isEqual(entry.passwordMac(), mac(user, password))
        ? entry.authorities() : null;
  }

  /** Remembers a password the user store has just accepted, with the groups it gave. */
  public void remember(String user, String password, List<GrantedAuthority> authorities) {
    if (entries != null) {
      entries.put(user, new Entry(mac(user, password), List.copyOf(authorities)));
    }
  }

  /** Forgets every verified password: the next request of each user is checked against the user store again. */
  public void clear() {
    if (entries != null) {
      entries.invalidateAll();
    }
  }

  private byte[] mac(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Empties the cache before and after (committed) every identity change made through the engine. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new java.util.ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new IdentityChanges());
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new IdentityChanges());
  }

  private final class IdentityChanges extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!IDENTITY_CHANGES.contains(command.getClass().getSimpleName())) {
        return next.execute(command);
      }
      clear();
      try {
        return next.execute(command);
      } finally {
        clear();
      }
    }
  }
}
