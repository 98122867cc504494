package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.importing.ImportFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The draw as a pure function of a pool and a seed, with the two files that carry it to and from a computer
 * without network. The server, the offline program and any verifier run this same code, so they cannot disagree.
 */
public final class ReproducibleDraw {

  /** The exported pool: expert codes per specialty group, sorted, and their SHA-256. */
  public record PoolFile(String sessionCode, String poolSha256, Map<String, List<String>> groups) {
  }

  /** What the offline program writes: the pool's hash, the random bytes and phrase, the seed and every order. */
  public record ResultFile(String sessionCode, String poolSha256, String randomHex, String phrase, String seedHex,
      Instant drawnAt, Map<String, List<String>> orders) {
  }

  public static final int MIN_PHRASE_LENGTH = 4;

  /** The files' JSON: indented, times as ISO-8601, so a person can read them and any tool can parse them. */
  public static final ObjectMapper FILES = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReproducibleDraw() {
  }

  /** SHA-256 of the expert codes, sorted, one per line. */
  public static String poolHash(Collection<String> codes) {
    PoolDigest digest = new PoolDigest();
    codes.stream().sorted().forEach(digest::add);
    return digest.sha256();
  }

  /** {@link #poolHash} over codes that arrive already sorted (the roster keeps its code order from the import). */
  public static final class PoolDigest {

    private final MessageDigest sha256;
    private boolean first = true;
    private int count;

    public PoolDigest() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    public void add(String code) {
      if (!first) {
        sha256.update((byte) '\n');
      }
      first = false;
      count++;
      sha256.update(code.getBytes(StandardCharsets.UTF_8));
    }

    public int count() {
      return count;
    }

    public String sha256() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }

  public static String poolHash(Map<String, List<String>> groups) {
    return poolHash(groups.values().stream().flatMap(List::stream).toList());
  }

  /** seed = SHA-256(random bytes || phrase in UTF-8), as hex. */
  public static String seedHex(String randomHex, String phrase) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(bytes(randomHex, "随机数 randomHex"));
    bytes.writeBytes(phrase.getBytes(StandardCharsets.UTF_8));
    return ImportFile.sha256(bytes.toByteArray());
  }

  /** Each group's seeded order (members first, then reserves). */
  public static Map<String, List<String>> orders(Map<String, List<String>> groups, String seedHex) {
    byte[] seed = bytes(seedHex, "随机种子 seedHex");
    Map<String, List<String>> orders = new TreeMap<>();
    groups.forEach((specialty, codes) -> orders.put(specialty, SeededOrder.order(codes, Function.identity(), seed)));
    return orders;
  }

  /** The offline draw itself: fresh random bytes, the phrase, the seed they make and every group's order. */
  public static ResultFile drawOffline(PoolFile pool, String phrase, SecureRandom random, Instant now) {
    if (phrase == null || phrase.trim().length() < MIN_PHRASE_LENGTH) {
      throw new IllegalArgumentException("监督员短语不少于 " + MIN_PHRASE_LENGTH + " 个字");
    }
    if (!poolHash(pool.groups()).equals(pool.poolSha256())) {
      throw new IllegalArgumentException("名单文件的 SHA-256 与其中的专家编号不符：名单文件已被改动");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String randomHex = HexFormat.of().formatHex(bytes);
    String seedHex = seedHex(randomHex, phrase.trim());
    return new ResultFile(pool.sessionCode(), pool.poolSha256(), randomHex, phrase.trim(), seedHex, now,
        orders(pool.groups(), seedHex));
  }

  /** Everything a result file must satisfy against the pool it claims to come from; empty when it does. */
  public static List<String> problems(PoolFile pool, ResultFile result) {
    if (result.poolSha256() == null || result.randomHex() == null || result.phrase() == null
        || result.seedHex() == null || result.orders() == null || result.drawnAt() == null) {
      return List.of("结果文件缺少字段：poolSha256、randomHex、phrase、seedHex、drawnAt、orders 均须提供");
    }
    if (!poolHash(pool.groups()).equals(pool.poolSha256())) {
      return List.of("名单文件的 SHA-256 与其中的专家编号不符：名单文件已被改动");
    }
    if (!result.poolSha256().equals(pool.poolSha256())) {
      return List.of("结果文件的名单 SHA-256 " + result.poolSha256() + " 与名单 " + pool.poolSha256() + " 不符");
    }
    if (result.phrase().trim().length() < MIN_PHRASE_LENGTH) {
      return List.of("监督员短语不少于 " + MIN_PHRASE_LENGTH + " 个字");
    }
    String seed;
    try {
      seed = seedHex(result.randomHex(), result.phrase());
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    if (!seed.equals(result.seedHex())) {
      return List.of("随机种子与随机数、短语不符：SHA-256(随机数‖短语) 应为 " + seed);
    }
    Map<String, List<String>> recomputed = orders(pool.groups(), seed);
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
