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

  private static byte[] seed(int i) {
    return HexFormat.of().parseHex(ImportFile.sha256(("seed-" + i).getBytes(StandardCharsets.UTF_8)));
  }
}
