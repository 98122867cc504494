package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The draw's randomness, made reproducible: each candidate's rank is HMAC(seed, its code) with the draw's hash
 * (HMAC-SM3, or HMAC-SHA256 for draws committed under SHA-256), compared as an unsigned number. With the seed and the pool anyone can recompute the same order; without the seed no one can
 * predict it. Every candidate is equally likely to come first, and the order does not depend on the pool's order.
 */
final class SeededOrder {

  private SeededOrder() {
  }

  public static <T> List<T> order(List<T> candidates, Function<T, String> code, byte[] seed,
      HashAlgorithm algorithm) {
    HashAlgorithm.Keyed mac = algorithm.hmac(seed);
    return candidates.stream()
        .map(c -> new Ranked<>(c, rank(mac, code.apply(c))))
        .sorted(BY_RANK)
        .map(Ranked::item)
        .toList();
  }

  private record Ranked<T>(T item, byte[] rank) {
  }

  private static final Comparator<Ranked<?>> BY_RANK = Comparator.comparing(Ranked::rank, Arrays::compareUnsigned);

  private static byte[] rank(HashAlgorithm.Keyed mac, String code) {
    return mac.mac(code.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The first {@code size} of {@link #order} without ordering everyone: candidates are offered one at a time and a
   * heap keeps the best {@code size} seen, so a pool of 100,000 costs 100,000 keyed hashes and no sort. The same
   * ranks, so the same result as the head of the full order.
   */
  public static final class Top<T> {

    private final HashAlgorithm.Keyed mac;
    private final int size;
    private final PriorityQueue<Ranked<T>> worstFirst;

    public Top(byte[] seed, int size, HashAlgorithm algorithm) {
      this.mac = algorithm.hmac(seed);
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
}
