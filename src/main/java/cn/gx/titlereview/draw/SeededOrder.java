package cn.gx.titlereview.draw;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw's randomness, made reproducible: each candidate's rank is HMAC-SHA256(seed, its code), compared as an
 * unsigned number. With the seed and the pool anyone can recompute the same order; without the seed no one can
 * predict it. Every candidate is equally likely to come first, and the order does not depend on the pool's order.
 */
final class SeededOrder {

  private SeededOrder() {
  }

  public static <T> List<T> order(List<T> candidates, Function<T, String> code, byte[] seed) {
    Mac mac = mac(seed);
    return candidates.stream()
        .map(c -> new Ranked<>(c, rank(mac, code.apply(c))))
        .sorted(BY_RANK)
        .map(Ranked::item)
        .toList();
  }

  private record Ranked<T>(T item, byte[] rank) {
  }

  private static final Comparator<Ranked<?>> BY_RANK = Comparator.comparing(Ranked::rank, Arrays::compareUnsigned);

  private static byte[] rank(Mac mac, String code) {
    return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The first {@code size} of {@link #order} without ordering everyone: candidates are offered one at a time and a
   * heap keeps the best {@code size} seen, so a pool of 100,000 costs 100,000 keyed hashes and no sort. The same
   * ranks, so the same result as the head of the full order.
   */
  public static final class Top<T> {

    private final Mac mac;
    private final int size;
    private final PriorityQueue<Ranked<T>> worstFirst;

    public Top(byte[] seed, int size) {
      this.mac = mac(seed);
      this.size = size;
      this.worstFirst = new PriorityQueue<>(Math.max(1, size + 1), BY_RANK.reversed());
    }

    public void offer(T item, String code) {
      if (size == 0) {
        return;
      }
      Ranked<T> ranked = new Ranked<>(item, rank(mac, code));
      if (worstFirst.size() < size) {
        worstFirst.add(ranked);
      } else if (BY_RANK.compare(ranked, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(ranked);
      }
    }

    /** The best, in order. */
    public List<T> ordered() {
      return worstFirst.stream().sorted(BY_RANK).map(Ranked::item).toList();
    }
  }

  public static byte[] seed(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static Mac mac(byte[] seed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
