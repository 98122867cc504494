package cn.gx.titlereview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.transparency.Checkpoint;
import cn.gx.titlereview.transparency.MerkleTree;
import cn.gx.titlereview.transparency.Proofs;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.TransparencyLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The region's log at a million leaves on PostgreSQL (embedded, a database of its own), 2 cores: appending in
 * batches of 10,000 (goal ≥ 2,000 leaves/s), then inclusion and consistency proofs at that size (goal ≤ 50 ms each),
 * each proof checked. Figures in docs/performance.md, "Transparency log".
 */
@Tag("benchmark")
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TransparencyLogBenchmarkTest {

  static final int LEAVES = Integer.getInteger("benchmark.leaves", 1_000_000);
  static final int BATCH = 10_000;
  static final int PROOFS = 200;

  @Autowired TransparencyLog transparencyLog;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, "transparency_" + System.nanoTime() % 100_000);
  }

  @Test
  void aMillionLeavesAppendFastAndProofsAtThatSizeStayWithinFiftyMilliseconds() {
    Random random = new Random(30);
    Instant at = Instant.parse("2026-12-06T04:00:00Z");
    long start = System.nanoTime();
    long slowestBatch = 0;
    for (int from = 0; from < LEAVES; from += BATCH) {
      List<SealedFact> batch = new ArrayList<>(BATCH);
      for (int i = from; i < Math.min(LEAVES, from + BATCH); i++) {
        // A record-signature leaf as a session writes it: about 190 bytes.
        batch.add(SealedFact.of(SealedFact.RECORD_SIGNATURE, "GX-2026-%05d".formatted(i / 20), at.plusSeconds(i),
            "role", i % 2 == 0 ? "UNIT_HEAD" : "SUPERVISOR", "signer", "user" + i % 500,
            "record", "sm3:%064x".formatted(new java.math.BigInteger(256, random))));
      }
      long batchStart = System.nanoTime();
      transparencyLog.append(batch);
      slowestBatch = Math.max(slowestBatch, System.nanoTime() - batchStart);
    }
    double appendSeconds = (System.nanoTime() - start) / 1e9;
    assertThat(transparencyLog.size()).isEqualTo(LEAVES);

    long checkpointStart = System.nanoTime();
    Checkpoint checkpoint = transparencyLog.checkpoint();
    double checkpointMs = (System.nanoTime() - checkpointStart) / 1e6;

    long[] inclusion = new long[PROOFS];
    long[] consistency = new long[PROOFS];
    for (int i = 0; i < PROOFS; i++) {
      long leaf = random.nextInt(LEAVES);
      long t0 = System.nanoTime();
      Proofs.Inclusion proof = transparencyLog.inclusion(leaf, checkpoint);
      inclusion[i] = System.nanoTime() - t0;
      assertThat(MerkleTree.rootFromInclusion(TransparencyLog.HASH, leaf, LEAVES,
          HexFormat.of().parseHex(proof.leafHash()), proof.auditPath().stream().map(HexFormat.of()::parseHex).toList()))
          .isEqualTo(checkpoint.root());
      long older = 1 + random.nextInt(LEAVES - 1);
      long t1 = System.nanoTime();
      Proofs.Consistency path = transparencyLog.consistency(older, LEAVES);
      consistency[i] = System.nanoTime() - t1;
      if (i < 5) {
        assertThat(MerkleTree.verifyConsistency(TransparencyLog.HASH, older, LEAVES, transparencyLog.root(older),
            checkpoint.root(), path.proof().stream().map(HexFormat.of()::parseHex).toList())).isTrue();
      }
    }
    System.out.printf("%n[transparency-benchmark] %,d leaves appended in batches of %,d: %.1f s, %,.0f leaves/s "
        + "(slowest batch %.0f ms)%n", LEAVES, BATCH, appendSeconds, LEAVES / appendSeconds, slowestBatch / 1e6);
    System.out.printf("[transparency-benchmark] checkpoint at %,d leaves (root, consistency with none, SM2 signature):"
        + " %.1f ms%n", LEAVES, checkpointMs);
    System.out.printf("[transparency-benchmark] inclusion proof at %,d leaves, %d random leaves: %s%n", LEAVES,
        PROOFS, describe(inclusion));
    System.out.printf("[transparency-benchmark] consistency proof to %,d leaves from %d random sizes: %s%n", LEAVES,
        PROOFS, describe(consistency));
    assertThat(LEAVES / appendSeconds).as("leaves/s").isGreaterThanOrEqualTo(2_000);
    assertThat(percentile(inclusion, 0.95) / 1e6).as("inclusion p95 ms").isLessThanOrEqualTo(50);
    assertThat(percentile(consistency, 0.95) / 1e6).as("consistency p95 ms").isLessThanOrEqualTo(50);
  }

  private static String describe(long[] nanos) {
    return "median %.1f ms, p95 %.1f ms, max %.1f ms".formatted(percentile(nanos, 0.5) / 1e6,
        percentile(nanos, 0.95) / 1e6, percentile(nanos, 1.0) / 1e6);
  }

  private static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }
}
