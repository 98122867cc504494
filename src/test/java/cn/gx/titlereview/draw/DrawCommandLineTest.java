package cn.gx.titlereview.draw;

import static cn.gx.titlereview.platform.crypto.HashAlgorithm.SM3;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.ReproducibleDraw.PoolFile;
import cn.gx.titlereview.draw.ReproducibleDraw.ResultFile;
import cn.gx.titlereview.platform.importing.ImportFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's offline draw commands, run as a user would, on files, without the application. */
class DrawCommandLineTest {

  static final Map<String, List<String>> GROUPS = Map.of(
      "土木工程", IntStream.rangeClosed(1, 30).mapToObj(i -> "E%03d".formatted(i)).toList(),
      "机械工程", IntStream.rangeClosed(31, 50).mapToObj(i -> "E%03d".formatted(i)).toList());

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anOfflineDrawWritesAResultThatVerifiesAgainstItsPool() throws IOException {
    Path pool = pool(new PoolFile("S-1", ReproducibleDraw.poolHash(GROUPS, SM3), GROUPS));
    assertThat(run("draw-offline", "--pool", pool.toString(), "--phrase", "秉公抽取", "--out", "result.json"))
        .isZero();
    ResultFile result = ReproducibleDraw.FILES.readValue(dir.resolve("result.json").toFile(), ResultFile.class);
    assertThat(result.poolHash()).isEqualTo(ReproducibleDraw.poolHash(GROUPS, SM3));
    assertThat(result.seedHex()).isEqualTo(ReproducibleDraw.seedHex(result.randomHex(), "秉公抽取", SM3));
    assertThat(result.drawnAt()).isEqualTo(Instant.parse("2026-12-08T01:00:00Z"));
    assertThat(result.orders().get("土木工程")).hasSize(30).containsExactlyInAnyOrderElementsOf(GROUPS.get("土木工程"))
        .isNotEqualTo(GROUPS.get("土木工程"));

    assertThat(run("draw-verify", "--pool", pool.toString(), "--result", "result.json")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("核验通过");
    assertThat(run("draw-verify", "--pool", pool.toString(), "--seed", result.seedHex())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(result.orders().get("机械工程").get(0));
  }

  /**
   * A pool file exported before hashes were named ({@code poolSha256}, a bare SHA-256) still draws offline and
   * verifies: under SHA-256, seed and ranks included, as it would have then.
   */
  @Test
  void anEarlierSha256PoolFileStillDrawsAndVerifiesUnderSha256() throws IOException {
    String sha256 = ImportFile.sha256(GROUPS.values().stream().flatMap(List::stream).sorted()
        .collect(java.util.stream.Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8));
    Path pool = dir.resolve("earlier-pool.json");
    Files.writeString(pool, "{\"sessionCode\":\"S-0\",\"poolSha256\":\"" + sha256 + "\",\"groups\":"
        + ReproducibleDraw.FILES.writeValueAsString(GROUPS) + "}");
    assertThat(run("draw-offline", "--pool", pool.toString(), "--phrase", "秉公抽取", "--out", "old-result.json"))
        .isZero();
    ResultFile result = ReproducibleDraw.FILES.readValue(dir.resolve("old-result.json").toFile(), ResultFile.class);
    assertThat(result.poolHash()).isEqualTo(sha256);
    assertThat(result.seedHex()).isEqualTo(ImportFile.sha256(java.nio.ByteBuffer.allocate(44)
        .put(java.util.HexFormat.of().parseHex(result.randomHex())).put("秉公抽取".getBytes(StandardCharsets.UTF_8))
        .array()));
    assertThat(result.orders()).isEqualTo(ReproducibleDraw.orders(GROUPS, result.seedHex(),
        cn.gx.titlereview.platform.crypto.HashAlgorithm.SHA256));
    assertThat(run("draw-verify", "--pool", pool.toString(), "--result", "old-result.json")).isZero();
  }

  @Test
  void aResultWithTwoExpertsSwappedFailsVerification() throws IOException {
    Path pool = pool(new PoolFile("S-1", ReproducibleDraw.poolHash(GROUPS, SM3), GROUPS));
    run("draw-offline", "--pool", pool.toString(), "--phrase", "秉公抽取", "--out", "result.json");
    ResultFile result = ReproducibleDraw.FILES.readValue(dir.resolve("result.json").toFile(), ResultFile.class);
    List<String> civil = new ArrayList<>(result.orders().get("土木工程"));
    civil.add(0, civil.remove(1));
    ResultFile swapped = new ResultFile(result.sessionCode(), result.poolHash(), result.randomHex(),
        result.phrase(), result.seedHex(), result.drawnAt(), Map.of("土木工程", civil,
            "机械工程", result.orders().get("机械工程")));
    Files.writeString(dir.resolve("swapped.json"), ReproducibleDraw.FILES.writeValueAsString(swapped));
    assertThat(run("draw-verify", "--pool", pool.toString(), "--result", "swapped.json")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("评议组“土木工程”的抽取顺序与按名单和种子复算的结果不符");
  }

  @Test
  void anEditedPoolFileOrAShortPhraseIsRefusedBeforeAnyDraw() throws IOException {
    Path edited = pool(new PoolFile("S-1", ReproducibleDraw.poolHash(Map.of("土木工程", List.of("E001")), SM3), GROUPS));
    assertThat(run("draw-offline", "--pool", edited.toString(), "--phrase", "秉公抽取", "--out", "r.json"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("名单文件已被改动");
    Path pool = pool(new PoolFile("S-1", ReproducibleDraw.poolHash(GROUPS, SM3), GROUPS));
    assertThat(run("draw-offline", "--pool", pool.toString(), "--phrase", "短", "--out", "r.json")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("监督员短语不少于 4 个字");
    assertThat(dir.resolve("r.json")).doesNotExist();
  }

  @Test
  void wrongUseNamesTheMissingArgumentOrFile() {
    assertThat(run("draw-offline", "--phrase", "秉公抽取")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少参数 --pool").contains("用法");
    assertThat(run("draw-verify", "--pool", "no-such.json", "--seed", "ab")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件");
  }

  private Path pool(PoolFile pool) throws IOException {
    Path file = dir.resolve("pool-" + System.nanoTime() + ".json");
    Files.writeString(file, ReproducibleDraw.FILES.writeValueAsString(pool));
    return file;
  }

  private int run(String... args) {
    String[] resolved = args.clone();
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i].endsWith(".json") && !Path.of(resolved[i]).isAbsolute()) {
        resolved[i] = dir.resolve(resolved[i]).toString();
      }
    }
    out.reset();
    err.reset();
    return DrawCommandLine.run(resolved, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new SecureRandom(),
        Clock.fixed(Instant.parse("2026-12-08T01:00:00Z"), ZoneOffset.UTC));
  }
}
