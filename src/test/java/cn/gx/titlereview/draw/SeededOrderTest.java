package cn.gx.titlereview.draw;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.gx.titlereview.platform.crypto.HashAlgorithm.SM3;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.importing.ImportFile;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SeededOrderTest {

  private final List<String> pool = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("ZJ%03d", i)).toList();

  @Test
  void theSameSeedGivesTheSameOrderWhateverOrderThePoolComesIn() {
    byte[] seed = seed(7);
    List<String> reversed = new java.util.ArrayList<>(pool);
    java.util.Collections.reverse(reversed);
    assertThat(SeededOrder.order(reversed, c -> c, seed, SM3)).isEqualTo(SeededOrder.order(pool, c -> c, seed, SM3));
    assertThat(SeededOrder.order(pool, c -> c, seed(8), SM3)).isNotEqualTo(SeededOrder.order(pool, c -> c, seed, SM3));
  }

  /**
   * Chi-square over 20,000 draws with seeds 0..19,999: how often each of 20 experts comes first. With 19 degrees
   * of freedom the statistic stays below 43.82 with probability 0.999 when every expert is equally likely.
   */
  @Test
  void everyExpertIsEquallyLikelyToBeDrawnFirst() {
    int draws = 20_000;
    int[] first = new int[pool.size()];
    for (int i = 0; i < draws; i++) {
      first[pool.indexOf(SeededOrder.order(pool, c -> c, seed(i), SM3).get(0))]++;
    }
    double expected = (double) draws / pool.size();
    double chiSquare = 0;
    for (int count : first) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    assertThat(chiSquare).isLessThan(43.82);
  }

  /** The draw keeps only each group's first by a bounded heap; they must be the head of the full order. */
  @Test
  void theBoundedHeapKeepsTheHeadOfTheFullOrder() {
    for (int i = 0; i < 200; i++) {
      byte[] seed = seed(i);
      for (int size : new int[] {0, 1, 7, 20, 25}) {
        SeededOrder.Top<String> top = new SeededOrder.Top<>(seed, size, SM3);
        pool.forEach(code -> top.offer(code, code));
        List<String> full = SeededOrder.order(pool, c -> c, seed, SM3);
        assertThat(top.ordered()).isEqualTo(full.subList(0, Math.min(size, full.size())));
      }
    }
  }

  /** The pool's hash taken as sorted codes stream in equals the one over the collected, sorted list, named. */
  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void thePoolDigestOfSortedCodesIsThePoolHash(HashAlgorithm algorithm) {
    ReproducibleDraw.PoolDigest digest = new ReproducibleDraw.PoolDigest(algorithm);
    pool.stream().sorted().forEach(digest::add);
    List<String> shuffled = new java.util.ArrayList<>(pool);
    java.util.Collections.shuffle(shuffled, new java.util.Random(3));
    byte[] lines = String.join("\n", pool).getBytes(StandardCharsets.UTF_8);
    assertThat(digest.hash()).isEqualTo(ReproducibleDraw.poolHash(shuffled, algorithm))
        .isEqualTo(algorithm.id() + ":" + HexFormat.of().formatHex(algorithm.digest(lines)));
    assertThat(digest.count()).isEqualTo(pool.size());
    if (algorithm == HashAlgorithm.SHA256) {
      assertThat(HashAlgorithm.same(digest.hash(), ImportFile.sha256(lines))).as("an earlier, bare SHA-256").isTrue();
    }
  }

  /**
   * A draw committed under SHA-256 before SM3 became the default ranks exactly as it did then, by the JDK's
   * HMAC-SHA256; under SM3 the order is another.
   */
  @Test
  void aDrawCommittedUnderSha256RecomputesAsTheJdksHmacSha256RankedIt() throws Exception {
    for (int i = 0; i < 50; i++) {
      byte[] seed = seed(i);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      List<String> byJdk = pool.stream().sorted(java.util.Comparator.comparing(
          (String code) -> mac.doFinal(code.getBytes(StandardCharsets.UTF_8)), java.util.Arrays::compareUnsigned))
          .toList();
      assertThat(SeededOrder.order(pool, c -> c, seed, HashAlgorithm.SHA256)).isEqualTo(byJdk);
    }
    assertThat(SeededOrder.order(pool, c -> c, seed(1), SM3))
        .isNotEqualTo(SeededOrder.order(pool, c -> c, seed(1), HashAlgorithm.SHA256));
  }

  private static byte[] seed(int i) {
    return HexFormat.of().parseHex(ImportFile.sha256(("seed-" + i).getBytes(StandardCharsets.UTF_8)));
  }
}
