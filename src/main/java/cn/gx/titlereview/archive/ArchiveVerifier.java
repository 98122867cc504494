package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.PemKeys;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The check of an archive package that needs no server: {@code manifest.sig} is a signature of the exact bytes of
 * {@code manifest.json} by a key the checker trusts (SM2 or Ed25519, as the key is), and every entry is the one the
 * manifest lists, with its hash by the algorithm the manifest names (SM3, or SHA-256 in earlier packages).
 * The key comes from the checker (the server's, or the file the user gives the offline command), never from the
 * package's own {@code public-key.pem}: whoever changes a package can re-sign it and put their key there.
 *
 * <p>The zip is read as a stream, each entry hashed as it passes (by both algorithms: the manifest may come last);
 * only the manifest and the signature are kept, and
 * {@link ArchiveLimits} stops a zip bomb early. {@code archive-verify} (offline) and {@code POST /api/archive/verify}
 * (which adds the server's own records) both call {@link #verify}.
 */
final class ArchiveVerifier {

  /**
   * What the check found; {@code manifest} is null when there was none to read. {@code manifestSha256} is the
   * manifest's hash as the server records it (named, or a bare SHA-256 for an earlier manifest).
   */
  public record Result(ArchiveManifest manifest, String manifestSha256, List<String> problems) {
  }

  /** The package was not checked: it is beyond one of the limits. The message names the limit, in Chinese. */
  public static class LimitExceeded extends RuntimeException {
    LimitExceeded(String message) {
      super("压缩包超过限制：" + message);
    }
  }

  /** Below this size an entry's compression ratio says nothing: a page of blanks compresses 1,000 times. */
  private static final long RATIO_GRACE_BYTES = 1024 * 1024;
  /** Base64 of a 64-byte Ed25519 signature is 88 characters, of a DER SM2 signature at most 100; room for line ends. */
  private static final int MAX_SIGNATURE_BYTES = 1024;
  private static final long MAX_PROOF_BYTES = 64 * 1024;
  private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
  /** The entries the manifest does not list: itself, its signature, and the key a reader may look at. */
  private static final Set<String> OUTSIDE_MANIFEST = Set.of(ArchiveManifest.MANIFEST, ArchiveManifest.SIGNATURE,
      ArchiveManifest.PUBLIC_KEY, ArchiveManifest.TRANSPARENCY_PROOF);

  private ArchiveVerifier() {
  }

  public static Result verify(InputStream zip, List<PublicKey> trusted, ArchiveLimits limits) {
    Map<String, Map<HashAlgorithm, String>> hashes = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    ByteArrayOutputStream manifest = new ByteArrayOutputStream();
    ByteArrayOutputStream signature = new ByteArrayOutputStream();
    CountingInputStream counted = new CountingInputStream(zip);
    String current = null;
    try (ZipInputStream in = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
      int count = 0;
      long total = 0;
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        current = entry.getName();
        if (++count > limits.getMaxEntries()) {
          throw new LimitExceeded("条目超过 " + limits.getMaxEntries() + " 个（titlereview.archive.limits.max-entries）");
        }
        String unsafe = unsafe(current);
        if (unsafe != null) {
          problems.add("条目“" + printable(current) + "”的名称不安全：" + unsafe);
        }
        boolean first = !hashes.containsKey(current);
        Hashed hashed = switch (current) {
          // Only the first manifest and signature are kept; a second one is reported as a duplicate.
          case ArchiveManifest.MANIFEST -> hash(in, counted, current, limits.getMaxManifestSize().toBytes(),
              "titlereview.archive.limits.max-manifest-size", limits, total, first ? manifest : null);
          case ArchiveManifest.SIGNATURE -> hash(in, counted, current, MAX_SIGNATURE_BYTES, "签名的大小上限", limits,
              total, first ? signature : null);
          case ArchiveManifest.TRANSPARENCY_PROOF -> hash(in, counted, current, MAX_PROOF_BYTES, "存在性证明的大小上限",
              limits, total, null);
          default -> hash(in, counted, current, limits.getMaxEntrySize().toBytes(),
              "titlereview.archive.limits.max-entry-size", limits, total, null);
        };
        total += hashed.size();
        if (!first) {
          problems.add("条目“" + printable(current) + "”在压缩包中出现了不止一次");
        } else {
          hashes.put(current, hashed.hashes());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // A damaged archive, or an entry name that is not UTF-8: what was read so far is still reported.
      problems.add(current == null ? "不是有效的 .zip 文件，或文件已损坏"
          : "压缩包已损坏，从条目“" + printable(current) + "”起无法读取");
    }
    return check(hashes, manifest.toByteArray(), signature.toByteArray(), trusted, problems);
  }

  private static Result check(Map<String, Map<HashAlgorithm, String>> hashes, byte[] manifestBytes, byte[] signature,
      List<PublicKey> trusted, List<String> problems) {
    if (!hashes.containsKey(ArchiveManifest.MANIFEST)) {
      problems.add("压缩包中没有 " + ArchiveManifest.MANIFEST + "，不是本系统的归档包");
      return new Result(null, null, problems);
    }
    if (!hashes.containsKey(ArchiveManifest.SIGNATURE)) {
      problems.add("压缩包中没有 " + ArchiveManifest.SIGNATURE + "：归档包未签名");
    } else if (!signedByAny(trusted, manifestBytes, signature)) {
      problems.add(ArchiveManifest.SIGNATURE + "：签名不能用受信任的公钥（指纹 " + trusted.stream()
          .map(PemKeys::fingerprint).collect(Collectors.joining("、")) + "）验证——清单在签名后被改动，或由其他密钥签署");
    }
    ArchiveManifest manifest;
    String hashAlgorithm;
    try {
      manifest = ArchiveManifest.read(manifestBytes);
      hashAlgorithm = manifest.hashAlgorithm() == null ? null : HashAlgorithm.byId(manifest.hashAlgorithm()).id();
    } catch (IOException | IllegalArgumentException e) {
      problems.add(ArchiveManifest.MANIFEST + " 无法读取：不是有效的清单");
      return new Result(null, ArchiveManifest.hashOf(manifestBytes, null), problems);
    }
    Map<String, Map<HashAlgorithm, String>> unlisted = new LinkedHashMap<>(hashes);
    OUTSIDE_MANIFEST.forEach(unlisted::remove);
    for (ArchiveManifest.Entry entry : manifest.entries()) {
      Map<HashAlgorithm, String> found = unlisted.remove(entry.path());
      HashAlgorithm algorithm = entry.hash() == null ? HashAlgorithm.SHA256 : entry.algorithm();
      if (found == null) {
        problems.add(printable(entry.path()) + "：清单中有，压缩包中缺失");
      } else if (entry.hash() == null || !found.get(algorithm).equalsIgnoreCase(HashAlgorithm.hexOf(entry.hash()))) {
        problems.add(printable(entry.path()) + "：" + algorithm.label() + " 与清单不符，文件已被改动");
      }
    }
    unlisted.keySet().forEach(path -> problems.add(printable(path) + "：不在清单中"));
    return new Result(manifest, ArchiveManifest.hashOf(manifestBytes, hashAlgorithm), problems);
  }

  private static boolean signedByAny(List<PublicKey> trusted, byte[] manifest, byte[] signature) {
    byte[] decoded;
    try {
      decoded = Base64.getMimeDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return trusted.stream().anyMatch(key -> SignatureAlgorithm.of(key).verifies(key, manifest, decoded));
  }

  /** An entry's hex hash by each algorithm, and its size. */
  private record Hashed(Map<HashAlgorithm, String> hashes, long size) {
  }

  /** Reads one entry to its end through each hash, counting it against the limits; keeps a copy only if asked. */
  private static Hashed hash(InputStream in, CountingInputStream counted, String name, long cap, String capName,
      ArchiveLimits limits, long totalBefore, ByteArrayOutputStream copy) throws IOException {
    Map<HashAlgorithm, HashAlgorithm.Hasher> digests = new EnumMap<>(HashAlgorithm.class);
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      digests.put(algorithm, algorithm.hasher());
    }
    long compressedStart = counted.count();
    long size = 0;
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      size += n;
      if (size > cap) {
        throw new LimitExceeded("条目“" + printable(name) + "”解压后超过 " + describe(cap) + "（" + capName + "）");
      }
      if (totalBefore + size > limits.getMaxTotalSize().toBytes()) {
        throw new LimitExceeded("解压后总大小超过 " + describe(limits.getMaxTotalSize().toBytes())
            + "（titlereview.archive.limits.max-total-size）");
      }
      long compressed = Math.max(1, counted.count() - compressedStart);
      if (size > RATIO_GRACE_BYTES && size / compressed > limits.getMaxCompressionRatio()) {
        throw new LimitExceeded("条目“" + printable(name) + "”的压缩比超过 " + limits.getMaxCompressionRatio()
            + " 倍（titlereview.archive.limits.max-compression-ratio），疑为压缩炸弹");
      }
      for (HashAlgorithm.Hasher digest : digests.values()) {
        digest.update(buffer, 0, n);
      }
      if (copy != null) {
        copy.write(buffer, 0, n);
      }
    }
    Map<HashAlgorithm, String> hashes = new EnumMap<>(HashAlgorithm.class);
    digests.forEach((algorithm, digest) -> hashes.put(algorithm, HexFormat.of().formatHex(digest.finish())));
    return new Hashed(hashes, size);
  }

  private static String describe(long bytes) {
    long megabyte = 1024 * 1024;
    return bytes % megabyte == 0 ? bytes / megabyte + " MB" : bytes + " 字节";
  }

  /** Why a name may not be an entry's, or null: each would let an unzip tool write outside its folder. */
  static String unsafe(String name) {
    List<String> reasons = new ArrayList<>();
    if (name.indexOf('\0') >= 0) {
      reasons.add("含有空字符（NUL）");
    }
    if (name.contains("..")) {
      reasons.add("含有 ..");
    }
    if (name.contains("\\")) {
      reasons.add("含有反斜杠 \\");
    }
    if (name.startsWith("/")) {
      reasons.add("以 / 开头");
    }
    if (DRIVE_LETTER.matcher(name).matches()) {
      reasons.add("以盘符开头");
    }
    return reasons.isEmpty() ? null : String.join("、", reasons);
  }

  /** A name as it can be shown: control characters escaped, at most 200 characters. */
  static String printable(String name) {
    StringBuilder shown = new StringBuilder();
    name.codePoints().limit(200).forEach(c -> shown.append(Character.isISOControl(c)
        ? "\\u%04x".formatted(c) : Character.toString(c)));
    return name.codePointCount(0, name.length()) > 200 ? shown + "…" : shown.toString();
  }

  /** Counts the compressed bytes the zip reader takes, for the compression ratio. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
