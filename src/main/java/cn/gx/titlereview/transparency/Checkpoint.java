package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A signed tree head, as plain text that can be published (the 职改办's website, a printed bulletin) and checked
 * offline:
 * <pre>
 * gx.titlereview/log                 the log's name (origin)
 * 1024                               its size: how many leaves
 * sm3:5dc9da79…                      the root hash, named by its algorithm
 * 2026-12-06T04:00:00Z               when the server signed it
 *                                    an empty line
 * — sm2 sm3:9f86d081… MEUCIQ…        signature algorithm, key fingerprint, Base64 signature of the four lines above
 * </pre>
 * The signature covers the first four lines exactly, each with its LF.
 */
public record Checkpoint(String origin, long size, String rootHash, Instant time, String signatureAlgorithm,
    String keyFingerprint, byte[] signature) {

  private static final String SIGNATURE_MARK = "— ";

  /** The signed lines. */
  public String body() {
    return body(origin, size, rootHash, time);
  }

  static String body(String origin, long size, String rootHash, Instant time) {
    return origin + "\n" + size + "\n" + rootHash + "\n" + time + "\n";
  }

  public String text() {
    return body() + "\n" + SIGNATURE_MARK + signatureAlgorithm + " " + keyFingerprint + " "
        + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  public byte[] root() {
    return HashAlgorithm.bytesOf(rootHash);
  }

  public HashAlgorithm hashAlgorithm() {
    return HashAlgorithm.of(rootHash);
  }

  /** Whether this key signed it. */
  public boolean signedBy(PublicKey key) {
    SignatureAlgorithm algorithm = SignatureAlgorithm.of(key);
    return algorithm.id().equals(signatureAlgorithm)
        && algorithm.verifies(key, body().getBytes(StandardCharsets.UTF_8), signature);
  }

  /**
   * A checkpoint as written; its fingerprint and signature are read, not checked.
   *
   * @throws IllegalArgumentException naming what is wrong, in Chinese
   */
  public static Checkpoint parse(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    if (lines.length < 6 || !lines[4].isEmpty() || !lines[5].startsWith(SIGNATURE_MARK)) {
      throw new IllegalArgumentException("不是检查点：应为名称、大小、根哈希、时间四行，空一行，再一行以“— ”开头的签名");
    }
    String[] signed = lines[5].substring(SIGNATURE_MARK.length()).trim().split(" ");
    if (signed.length != 3) {
      throw new IllegalArgumentException("检查点的签名行应为“— 签名算法 公钥指纹 签名”");
    }
    try {
      long size = Long.parseLong(lines[1].trim());
      HashAlgorithm.of(lines[2]);
      HashAlgorithm.bytesOf(lines[2]);
      return new Checkpoint(lines[0], size, lines[2], Instant.parse(lines[3]), signed[0], signed[1],
          Base64.getDecoder().decode(signed[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("检查点的第二行应为日志大小（整数）：" + lines[1]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("检查点的第四行应为时间（ISO-8601）：" + lines[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("检查点的根哈希或签名无法读取：" + e.getMessage());
    }
  }

  /** What a person reads: the size, the root and the time. */
  public String describe() {
    return "检查点（" + size + " 条记录，根哈希 " + rootHash + "，" + time + " 签署）";
  }
}
