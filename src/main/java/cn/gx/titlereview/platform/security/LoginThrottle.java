package cn.gx.titlereview.platform.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address, without ever locking an account for good:
 * after a few free attempts each further failure doubles the wait, up to {@code max-delay}. A success on the account
 * clears its count; a count is forgotten {@code forget-after} its last failure. Camunda's own lock-out (permanent
 * after 10 failures by default) is switched off in application.yaml, so this is the one rule, whatever identity
 * store checks the password. Counts live in this node's memory: behind a proxy with two nodes an attacker gets twice
 * the attempts.
 */
@Component
class LoginThrottle {

  /** The throttle's settings, under {@code titlereview.security.login}. */
  @ConfigurationProperties("titlereview.security.login")
  public record Settings(int freeAttemptsPerAccount, int freeAttemptsPerAddress, Duration baseDelay,
      Duration maxDelay, Duration forgetAfter) {

    public Settings {
      freeAttemptsPerAccount = freeAttemptsPerAccount > 0 ? freeAttemptsPerAccount : 3;
      freeAttemptsPerAddress = freeAttemptsPerAddress > 0 ? freeAttemptsPerAddress : 20;
      baseDelay = baseDelay != null ? baseDelay : Duration.ofSeconds(1);
      maxDelay = maxDelay != null ? maxDelay : Duration.ofSeconds(60);
      forgetAfter = forgetAfter != null ? forgetAfter : Duration.ofMinutes(15);
    }
  }

  private record Failures(int count, Instant blockedUntil) {
  }

  /** At most this many keys are counted (the least recently used go first), so guessing cannot fill the heap. */
  private static final int MAX_KEYS = 10_000;

  private final Settings settings;
  private final Clock clock;
  /** A count is forgotten {@code forget-after} its last failure, by the application's clock. */
  private final Map<String, Failures> failures;

  LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.failures = Caffeine.newBuilder().expireAfterWrite(settings.forgetAfter()).maximumSize(MAX_KEYS)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).<String, Failures>build().asMap();
  }

  /** Refuses the attempt while the account or the address must wait. */
  public void check(String account, String address) {
    Instant now = clock.instant();
    Instant until = later(blockedUntil(accountKey(account)), blockedUntil(addressKey(address)));
    if (until != null && until.isAfter(now)) {
      long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
      throw new LoginThrottledException(seconds);
    }
  }

  /** Counts a failure; answers the consecutive failures of the account. */
  public int failed(String account, String address) {
    Instant now = clock.instant();
    record(addressKey(address), settings.freeAttemptsPerAddress(), now);
    return record(accountKey(account), settings.freeAttemptsPerAccount(), now).count();
  }

  public void succeeded(String account) {
    failures.remove(accountKey(account));
  }

  private Failures record(String key, int free, Instant now) {
    return failures.compute(key, (k, previous) -> {
      int count = previous == null ? 1 : previous.count() + 1;
      return new Failures(count, count <= free ? null : now.plus(delay(count - free)));
    });
  }

  /** base, 2 × base, 4 × base … capped at the maximum. */
  private Duration delay(int beyondFree) {
    Duration doubled = settings.baseDelay().multipliedBy(1L << Math.min(beyondFree - 1, 30));
    return doubled.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : doubled;
  }

  private Instant blockedUntil(String key) {
    Failures f = failures.get(key);
    return f == null ? null : f.blockedUntil();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static String accountKey(String account) {
    return "account:" + account;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
