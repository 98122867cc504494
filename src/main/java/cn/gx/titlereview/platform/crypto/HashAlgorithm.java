package cn.gx.titlereview.platform.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A hash the product makes. Every hash it writes names its algorithm, {@code sm3:66c7f0f4…} or {@code sha256:…}, so
 * that a value outlives a change of profile: what was sealed keeps its algorithm and is checked with it. A bare hex
 * value is a SHA-256 written before hashes were named. Bouncy Castle's own digests, not the JCA's, so that the jar runs
 * the same on any Java without a provider to register.
 */
public enum HashAlgorithm {

  SM3("sm3", "SM3", SM3Digest::new),
  SHA256("sha256", "SHA-256", SHA256Digest::new);

  private static final HexFormat HEX = HexFormat.of();

  private final String id;
  private final String label;
  private final Supplier<Digest> digests;

  HashAlgorithm(String id, String label, Supplier<Digest> digests) {
    this.id = id;
    this.label = label;
    this.digests = digests;
  }

  /** The name written before a value: {@code sm3}, {@code sha256}. */
  public String id() {
    return id;
  }

  /** The name people read: SM3, SHA-256. */
  public String label() {
    return label;
  }

  public byte[] digest(byte[] data) {
    Hasher hasher = hasher();
    hasher.update(data);
    return hasher.finish();
  }

  /** The named hash of these bytes: {@code sm3:<64 hex digits>}. */
  public String named(byte[] data) {
    return namedDigest(digest(data));
  }

  /** The bare hex digits of this algorithm's hash, as values were written before they were named. */
  public String digestHex(byte[] data) {
    return HEX.formatHex(digest(data));
  }

  /** A digest already computed, named. */
  public String namedDigest(byte[] digest) {
    return id + ":" + HEX.formatHex(digest);
  }

  public Hasher hasher() {
    return new Hasher(this, digests.get());
  }

  /** HMAC with this hash (RFC 2104): HMAC-SM3 or HMAC-SHA256. */
  public Keyed hmac(byte[] key) {
    HMac mac = new HMac(digests.get());
    mac.init(new KeyParameter(key));
    return data -> {
      mac.update(data, 0, data.length);
      byte[] out = new byte[mac.getMacSize()];
      mac.doFinal(out, 0);
      return out;
    };
  }

  /** A keyed hash, reused for many inputs (the draw ranks thousands of codes with one key). */
  @FunctionalInterface
  public interface Keyed {
    byte[] mac(byte[] data);
  }

  /** An incremental hash. */
  public static final class Hasher {
    private final HashAlgorithm algorithm;
    private final Digest digest;

    private Hasher(HashAlgorithm algorithm, Digest digest) {
      this.algorithm = algorithm;
      this.digest = digest;
    }

    public Hasher update(byte[] data) {
      return update(data, 0, data.length);
    }

    public Hasher update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
      return this;
    }

    public Hasher update(byte b) {
      digest.update(b);
      return this;
    }

    public byte[] finish() {
      byte[] out = new byte[digest.getDigestSize()];
      digest.doFinal(out, 0);
      return out;
    }

    /** The hash so far, named; the hasher starts again. */
    public String finishNamed() {
      return algorithm.namedDigest(finish());
    }
  }

  /** By its name ({@code sm3}, {@code sha256}, any case). */
  public static HashAlgorithm byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("不支持的杂凑算法“" + id + "”，应为 sm3 或 sha256"));
  }

  /** The algorithm a written value names; a bare value is a SHA-256 written before values were named. */
  public static HashAlgorithm of(String namedHash) {
    int colon = namedHash == null ? -1 : namedHash.indexOf(':');
    return colon < 0 ? SHA256 : byId(namedHash.substring(0, colon));
  }

  /** The hex digits of a written value, without its name. */
  public static String hexOf(String namedHash) {
    return namedHash.substring(namedHash.indexOf(':') + 1);
  }

  /** The digest bytes of a written value. */
  public static byte[] bytesOf(String namedHash) {
    return HEX.parseHex(hexOf(namedHash));
  }

  /** Whether a written value is the hash of these bytes, by the algorithm it names. */
  public static boolean matches(String namedHash, byte[] data) {
    if (namedHash == null) {
      return false;
    }
    HashAlgorithm algorithm = of(namedHash);
    return HEX.formatHex(algorithm.digest(data)).equalsIgnoreCase(hexOf(namedHash));
  }

  /** Whether two written values are the same hash: the same algorithm and digits (a bare value being SHA-256). */
  public static boolean same(String a, String b) {
    return a != null && b != null && of(a) == of(b) && hexOf(a).equalsIgnoreCase(hexOf(b));
  }
}
