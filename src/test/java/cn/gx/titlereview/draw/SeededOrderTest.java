package cn.gx.titlereview.draw;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededOrderTest {

  private final List<String> pool = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("ZJ%03d", i)).toList();

  @Test
  void theSameSeedGivesTheSameOrderWhateverOrderThePoolComesIn() {
    byte[] seed = seed(7);
    List<String> reversed = new java.util.ArrayList<>(pool);
    java.util.Collections.reverse(reversed);
    assertThat(SeededOrder.order(reversed, c -> c, seed)).isEqualTo(SeededOrder.order(pool, c -> c, seed));
    assertThat(SeededOrder.order(pool, c -> c, seed(8))).isNotEqualTo(SeededOrder.order(pool, c -> c, seed));
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
      first[pool.indexOf(SeededOrder.order(pool, c -> c, seed(i)).get(0))]++;
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
        SeededOrder.Top<String> top = new SeededOrder.Top<>(seed, size);
        pool.forEach(code -> top.offer(code, code));
        List<String> full = SeededOrder.order(pool, c -> c, seed);
        assertThat(top.ordered()).isEqualTo(full.subList(0, Math.min(size, full.size())));
      }
    }
  }

  /** The pool's SHA-256 taken as sorted codes stream in equals the one over the collected, sorted list. */
  @Test
  void thePoolDigestOfSortedCodesIsThePoolHash() {
    ReproducibleDraw.PoolDigest digest = new ReproducibleDraw.PoolDigest();
    pool.stream().sorted().forEach(digest::add);
    List<String> shuffled = new java.util.ArrayList<>(pool);
    java.util.Collections.shuffle(shuffled, new java.util.Random(3));
    assertThat(digest.sha256()).isEqualTo(ReproducibleDraw.poolHash(shuffled))
        .isEqualTo(ImportFile.sha256(String.join("\n", pool).getBytes(StandardCharsets.UTF_8)));
    assertThat(digest.count()).isEqualTo(pool.size());
  }

  private static byte[] seed(int i) {
    return HexFormat.of().parseHex(ImportFile.sha256(("seed-" + i).getBytes(StandardCharsets.UTF_8)));
  }
}
