package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The offline check on hand-made archives: hostile entry names, and each limit a zip bomb would cross. */
class ArchiveVerifierTest {

  private final PublicKey key = someKey();

  @Test
  void eachUnsafeEntryNameIsNamedAsAProblem() throws IOException {
    byte[] zip = zip(Map.of("../../../../tmp/x.pdf", bytes(10), "files\\MINUTES\\x.pdf", bytes(10),
        "/etc/passwd", bytes(10), "C:x.pdf", bytes(10), "files/a\0b.pdf", bytes(10), "files/MINUTES/MINUTES-001.pdf",
        bytes(10)));
    List<String> problems = verify(zip, new ArchiveLimits());
    assertThat(problems).contains("条目“../../../../tmp/x.pdf”的名称不安全：含有 ..",
        "条目“files\\MINUTES\\x.pdf”的名称不安全：含有反斜杠 \\", "条目“/etc/passwd”的名称不安全：以 / 开头",
        "条目“C:x.pdf”的名称不安全：以盘符开头", "条目“files/a\\u0000b.pdf”的名称不安全：含有空字符（NUL）");
    assertThat(problems).noneMatch(p -> p.contains("MINUTES-001.pdf”的名称不安全"));
  }

  @Test
  void aSecondEntryOfTheSameNameIsAProblem() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    storedEntry(out, "manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
    storedEntry(out, "manifest.json", "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8));
    assertThat(verify(out.toByteArray(), new ArchiveLimits())).contains("条目“manifest.json”在压缩包中出现了不止一次");
  }

  @Test
  void tooManyEntriesAreRefusedNamingTheLimit() throws IOException {
    ArchiveLimits limits = new ArchiveLimits();
    limits.setMaxEntries(3);
    byte[] zip = zip(Map.of("a", bytes(1), "b", bytes(1), "c", bytes(1), "d", bytes(1)));
    assertThatThrownBy(() -> verify(zip, limits)).isInstanceOf(ArchiveVerifier.LimitExceeded.class)
        .hasMessage("压缩包超过限制：条目超过 3 个（titlereview.archive.limits.max-entries）");
  }

  @Test
  void anEntryOrAllEntriesTooLargeAreRefusedNamingTheLimit() throws IOException {
    ArchiveLimits perEntry = new ArchiveLimits();
    perEntry.setMaxEntrySize(DataSize.ofKilobytes(1));
    assertThatThrownBy(() -> verify(zip(Map.of("files/big.pdf", random(2000))), perEntry))
        .hasMessage("压缩包超过限制：条目“files/big.pdf”解压后超过 1024 字节（titlereview.archive.limits.max-entry-size）");
    ArchiveLimits total = new ArchiveLimits();
    total.setMaxTotalSize(DataSize.ofKilobytes(3));
    assertThatThrownBy(() -> verify(zip(Map.of("a", random(2000), "b", random(2000))), total))
        .hasMessageStartingWith("压缩包超过限制：解压后总大小超过 3072 字节").hasMessageContaining("max-total-size");
    ArchiveLimits manifest = new ArchiveLimits();
    manifest.setMaxManifestSize(DataSize.ofKilobytes(1));
    assertThatThrownBy(() -> verify(zip(Map.of("manifest.json", random(2000))), manifest))
        .hasMessageContaining("max-manifest-size");
  }

  @Test
  void anEntryThatInflatesBeyondTheRatioIsRefusedAfterTheGrace() throws IOException {
    byte[] zeros = zip(Map.of("files/zeros.pdf", new byte[4 * 1024 * 1024]));
    assertThatThrownBy(() -> verify(zeros, new ArchiveLimits()))
        .hasMessageContaining("条目“files/zeros.pdf”的压缩比超过 100 倍（titlereview.archive.limits.max-compression-ratio）");
    // A small blank page compresses as well, and is no bomb.
    assertThat(verify(zip(Map.of("files/blank.pdf", new byte[512 * 1024])), new ArchiveLimits()))
        .noneMatch(p -> p.contains("压缩比"));
  }

  @Test
  void aDamagedOrForeignFileIsInvalidNotAnError() throws IOException {
    assertThat(verify("not a zip".getBytes(StandardCharsets.UTF_8), new ArchiveLimits()))
        .containsExactly("压缩包中没有 manifest.json，不是本系统的归档包");
    byte[] zip = zip(Map.of("manifest.json", random(100_000)));
    assertThat(verify(Arrays.copyOf(zip, zip.length / 2), new ArchiveLimits()))
        .contains("压缩包已损坏，从条目“manifest.json”起无法读取");
  }

  @Test
  void aManifestWithoutEntriesOrSignatureIsNamed() throws IOException {
    assertThat(verify(zip(Map.of("manifest.json", "{\"entries\":[{\"sha256\":\"ab\"}]}".getBytes())),
        new ArchiveLimits())).contains("压缩包中没有 manifest.sig：归档包未签名", "manifest.json 无法读取：不是有效的清单");
  }

  private List<String> verify(byte[] zip, ArchiveLimits limits) {
    return ArchiveVerifier.verify(new ByteArrayInputStream(zip), List.of(key), limits).problems();
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : new LinkedHashMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
    }
    return out.toByteArray();
  }

  /** A stored (uncompressed) local entry written by hand: ZipOutputStream refuses a name twice. */
  private static void storedEntry(OutputStream out, String name, byte[] content) throws IOException {
    byte[] encodedName = name.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(content);
    ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(0x04034b50).putShort((short) 10).putShort((short) 0x0800).putShort((short) 0).putInt(0)
        .putInt((int) crc.getValue()).putInt(content.length).putInt(content.length)
        .putShort((short) encodedName.length).putShort((short) 0);
    out.write(header.array());
    out.write(encodedName);
    out.write(content);
  }

  private static byte[] bytes(int n) {
    return new byte[n];
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new java.util.Random(n).nextBytes(b);
    return b;
  }

  private static PublicKey someKey() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
