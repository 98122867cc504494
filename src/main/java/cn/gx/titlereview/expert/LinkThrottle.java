package cn.gx.titlereview.expert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the experts' pages, per link and per client address, each counted in a fixed window
 * ({@code titlereview.experts.links.*}): enough for an expert who opens his link a few times, too few to try tokens
 * or to hammer one link. Counts live in this node's memory (Caffeine, expiring with the window), bounded in size, and
 * follow the application's clock.
 */
@Component
class LinkThrottle {

  private static final long MAX_KEYS = 100_000;

  private final ExpertSettings.Links settings;
  private final Cache<String, AtomicInteger> perLink;
  private final Cache<String, AtomicInteger> perAddress;

  LinkThrottle(ExpertSettings settings, Clock clock) {
    this.settings = settings.links();
    this.perLink = counter(clock);
    this.perAddress = counter(clock);
  }

  private Cache<String, AtomicInteger> counter(Clock clock) {
    return Caffeine.newBuilder().expireAfterWrite(settings.window()).maximumSize(MAX_KEYS)
        .ticker(() -> clock.millis() * 1_000_000L).build();
  }

  /** Counts a request from the address; false once the address has made too many in the window. */
  boolean allowAddress(String address) {
    return count(perAddress, address) <= settings.perAddress();
  }

  /** Counts a request to the link; false once the link has been asked too often in the window. */
  boolean allowLink(String linkId) {
    return count(perLink, linkId) <= settings.perLink();
  }

  private static int count(Cache<String, AtomicInteger> counts, String key) {
    // expireAfterWrite: the first request of a window writes the entry; later ones only increment it.
    return counts.get(key, k -> new AtomicInteger()).incrementAndGet();
  }
}
