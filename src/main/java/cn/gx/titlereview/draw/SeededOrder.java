package cn.gx.titlereview.draw;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw's randomness, made reproducible: each candidate's rank is HMAC-SHA256(seed, its code), compared as an
 * unsigned number. With the seed and the pool anyone can recompute the same order; without the seed no one can
 * predict it. Every candidate is equally likely to come first, and the order does not depend on the pool's order.
 */
public final class SeededOrder {

  private SeededOrder() {
  }

  public static <T> List<T> order(List<T> candidates, Function<T, String> code, byte[] seed) {
    Mac mac = mac(seed);
    record Ranked<T>(T item, byte[] rank) {
    }
    return candidates.stream()
        .map(c -> new Ranked<>(c, mac.doFinal(code.apply(c).getBytes(StandardCharsets.UTF_8))))
        .sorted(Comparator.comparing(Ranked::rank, Arrays::compareUnsigned))
        .map(Ranked::item)
        .toList();
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
