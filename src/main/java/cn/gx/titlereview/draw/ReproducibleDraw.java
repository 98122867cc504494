package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The draw as a pure function of a pool, a seed and a hash, with the two files that carry it to and from a computer
 * without network. The server, the offline program and any verifier run this same code, so they cannot disagree.
 *
 * <p>The pool's hash names its algorithm ({@code sm3:…}; a bare value is an earlier SHA-256), and that algorithm is
 * the draw's: the seed is its hash of random bytes and phrase, the ranks its HMAC. A draw committed under SHA-256 so
 * recomputes under SHA-256, years after the profile changed.
 */
public final class ReproducibleDraw {

  /** The exported pool: expert codes per specialty group, sorted, and their hash (earlier files: {@code poolSha256}). */
  public record PoolFile(String sessionCode, @JsonAlias("poolSha256") String poolHash,
      Map<String, List<String>> groups) {

    /** The draw's hash: the one the pool's hash names. */
    public HashAlgorithm algorithm() {
      return HashAlgorithm.of(poolHash);
    }
  }

  /** What the offline program writes: the pool's hash, the random bytes and phrase, the seed and every order. */
  public record ResultFile(String sessionCode, @JsonAlias("poolSha256") String poolHash, String randomHex,
      String phrase, String seedHex, Instant drawnAt, Map<String, List<String>> orders) {
  }

  public static final int MIN_PHRASE_LENGTH = 4;

  /** The files' JSON: indented, times as ISO-8601, so a person can read them and any tool can parse them. */
  public static final ObjectMapper FILES = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReproducibleDraw() {
  }

  /** The hash of the expert codes, sorted, one per line, named. */
  public static String poolHash(Collection<String> codes, HashAlgorithm algorithm) {
    PoolDigest digest = new PoolDigest(algorithm);
    codes.stream().sorted().forEach(digest::add);
    return digest.hash();
  }

  /** {@link #poolHash} over codes that arrive already sorted (the roster keeps its code order from the import). */
  public static final class PoolDigest {

    private final HashAlgorithm.Hasher hasher;
    private boolean first = true;
    private int count;
    private String hash;

    public PoolDigest(HashAlgorithm algorithm) {
      hasher = algorithm.hasher();
    }

    public void add(String code) {
      if (!first) {
        hasher.update((byte) '\n');
      }
      first = false;
      count++;
      hasher.update(code.getBytes(StandardCharsets.UTF_8));
    }

    public int count() {
      return count;
    }

    /** The named hash, once all codes are added. */
    public String hash() {
      if (hash == null) {
        hash = hasher.finishNamed();
      }
      return hash;
    }
  }

  public static String poolHash(Map<String, List<String>> groups, HashAlgorithm algorithm) {
    return poolHash(groups.values().stream().flatMap(List::stream).toList(), algorithm);
  }

  /** seed = H(random bytes || phrase in UTF-8), as hex, H the draw's hash (SM3, or SHA-256 for earlier draws). */
  public static String seedHex(String randomHex, String phrase, HashAlgorithm algorithm) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(bytes(randomHex, "随机数 randomHex"));
    bytes.writeBytes(phrase.getBytes(StandardCharsets.UTF_8));
    return algorithm.digestHex(bytes.toByteArray());
  }

  /** Each group's seeded order (members first, then reserves), ranked by HMAC with the draw's hash. */
  public static Map<String, List<String>> orders(Map<String, List<String>> groups, String seedHex,
      HashAlgorithm algorithm) {
    byte[] seed = bytes(seedHex, "随机种子 seedHex");
    Map<String, List<String>> orders = new TreeMap<>();
    groups.forEach((specialty, codes) -> orders.put(specialty,
        SeededOrder.order(codes, Function.identity(), seed, algorithm)));
    return orders;
  }

  /** The offline draw itself: fresh random bytes, the phrase, the seed they make and every group's order. */
  public static ResultFile drawOffline(PoolFile pool, String phrase, SecureRandom random, Instant now) {
    if (phrase == null || phrase.trim().length() < MIN_PHRASE_LENGTH) {
      throw new IllegalArgumentException("监督员短语不少于 " + MIN_PHRASE_LENGTH + " 个字");
    }
    String unchanged = poolUnchanged(pool);
    if (unchanged != null) {
      throw new IllegalArgumentException(unchanged);
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String randomHex = HexFormat.of().formatHex(bytes);
    String seedHex = seedHex(randomHex, phrase.trim(), pool.algorithm());
    return new ResultFile(pool.sessionCode(), pool.poolHash(), randomHex, phrase.trim(), seedHex, now,
        orders(pool.groups(), seedHex, pool.algorithm()));
  }

  /** Why the pool file's hash is not that of its codes, or null when it is. */
  private static String poolUnchanged(PoolFile pool) {
    HashAlgorithm algorithm;
    try {
      algorithm = pool.algorithm();
    } catch (IllegalArgumentException e) {
      return "名单文件的摘要 poolHash 无法识别：" + e.getMessage();
    }
    return pool.poolHash() != null && HashAlgorithm.same(poolHash(pool.groups(), algorithm), pool.poolHash()) ? null
        : "名单文件的 " + algorithm.label() + " 摘要与其中的专家编号不符：名单文件已被改动";
  }

  /** Everything a result file must satisfy against the pool it claims to come from; empty when it does. */
  public static List<String> problems(PoolFile pool, ResultFile result) {
    if (result.poolHash() == null || result.randomHex() == null || result.phrase() == null
        || result.seedHex() == null || result.orders() == null || result.drawnAt() == null) {
      return List.of("结果文件缺少字段：poolHash、randomHex、phrase、seedHex、drawnAt、orders 均须提供");
    }
    String unchanged = poolUnchanged(pool);
    if (unchanged != null) {
      return List.of(unchanged);
    }
    HashAlgorithm algorithm = pool.algorithm();
    if (!HashAlgorithm.same(result.poolHash(), pool.poolHash())) {
      return List.of("结果文件的名单摘要 " + result.poolHash() + " 与名单 " + pool.poolHash() + " 不符");
    }
    if (result.phrase().trim().length() < MIN_PHRASE_LENGTH) {
      return List.of("监督员短语不少于 " + MIN_PHRASE_LENGTH + " 个字");
    }
    String seed;
    try {
      seed = seedHex(result.randomHex(), result.phrase(), algorithm);
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    if (!seed.equals(result.seedHex())) {
      return List.of("随机种子与随机数、短语不符：" + algorithm.label() + "(随机数‖短语) 应为 " + seed);
    }
    Map<String, List<String>> recomputed = orders(pool.groups(), seed, algorithm);
    return recomputed.keySet().stream().filter(g -> !recomputed.get(g).equals(result.orders().get(g)))
        .map(g -> "评议组“" + g + "”的抽取顺序与按名单和种子复算的结果不符").toList();
  }

  private static byte[] bytes(String hex, String field) {
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(hex == null ? "" : hex.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length == 0) {
      throw new IllegalArgumentException(field + " 应为非空的十六进制字符串");
    }
    return bytes;
  }
}
