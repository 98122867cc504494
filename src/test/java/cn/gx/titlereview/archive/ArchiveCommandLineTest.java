package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.crypto.FileSigningKey;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.platform.importing.ImportFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The jar's offline archive check, run as a user would, on files, without the application. */
class ArchiveCommandLineTest {

  static final String MINUTES = "files/MINUTES/MINUTES-001.pdf";

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Under either profile: SM2 and SM3 (gm), Ed25519 and SHA-256 (intl); one flipped byte fails either. */
  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void anIntactPackageVerifiesWithTheIssuersKeyAndAFlippedByteFails(SignatureAlgorithm algorithm) throws IOException {
    SigningKey key = key("server", algorithm);
    byte[] signed = signed(key, "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8));
    Path zip = write("归档包.zip", signed);
    assertThat(run("archive-verify", "--package", zip.toString(), "--public-key", publicKey(key, "公钥.pem")))
        .isZero();
    String hash = algorithm == SignatureAlgorithm.SM2 ? "SM3" : "SHA-256";
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("核验通过：评审会 S-1 的归档包", key.fingerprint(),
        algorithm.label() + " 签名", "1 个文件的 " + hash + " 均与清单一致");
    assertThat(run("archive-verify", "--package", write("flipped.zip", flipped(signed, MINUTES)).toString(),
        "--public-key", publicKey(key, "公钥.pem"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(MINUTES + "：" + hash + " 与清单不符");
  }

  /**
   * A package sealed before SM2 and SM3 (no algorithm named, entries' {@code sha256}, an Ed25519 signature) verifies
   * as it did, with the same key, whatever the profile now; one flipped byte still fails.
   */
  @Test
  void aPackageSealedBeforeTheChangeStillVerifiesAndAFlippedByteFails() throws IOException {
    SigningKey key = key("earlier", SignatureAlgorithm.ED25519);
    byte[] minutes = "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8);
    // Byte for byte as the earlier ArchiveManifest wrote it.
    byte[] manifest = ("{\n  \"sessionCode\" : \"S-0\",\n  \"committeeName\" : \"测试评委会\",\n"
        + "  \"generatedAt\" : \"2026-11-08T01:00:00Z\",\n  \"generatedBy\" : \"staff1\",\n"
        + "  \"retentionYears\" : 30,\n  \"retainUntil\" : \"2056-11-08\",\n  \"keyFingerprint\" : \""
        + ImportFile.sha256(key.publicKey().getEncoded()) + "\",\n  \"entries\" : [ {\n    \"path\" : \"" + MINUTES
        + "\",\n    \"item\" : \"MINUTES\",\n    \"displayName\" : \"会议记录.pdf\",\n    \"sha256\" : \""
        + ImportFile.sha256(minutes) + "\",\n    \"size\" : " + minutes.length + ",\n    \"uploadedBy\" : \"staff1\",\n"
        + "    \"uploadedAt\" : \"2026-11-08T01:00:00Z\"\n  } ]\n}").getBytes(StandardCharsets.UTF_8);
    byte[] sealed = ArchivePackage.zip(manifest, key.sign(manifest), key.publicKeyPem(), null,
        Map.of(MINUTES, minutes));
    assertThat(run("archive-verify", "--package", write("earlier.zip", sealed).toString(), "--public-key",
        publicKey(key, "earlier.pem"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("评审会 S-0", "Ed25519 签名", "1 个文件的 SHA-256 均与清单一致");
    assertThat(run("archive-verify", "--package", write("earlier-flipped.zip", flipped(sealed, MINUTES)).toString(),
        "--public-key", publicKey(key, "earlier.pem"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(MINUTES + "：SHA-256 与清单不符，文件已被改动");
    byte[] flippedManifest = flipped(sealed, "manifest.json");
    assertThat(run("archive-verify", "--package", write("earlier-manifest.zip", flippedManifest).toString(),
        "--public-key", publicKey(key, "earlier.pem"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("manifest.sig：签名不能用受信任的公钥");
  }

  @Test
  void aPackageChangedAndReSignedWithAnotherKeyDoesNotVerifyWithTheIssuersKey() throws IOException {
    SigningKey server = key("server", SignatureAlgorithm.SM2);
    SigningKey forger = key("forger", SignatureAlgorithm.SM2);
    // The forger's package carries the forger's public key; the check ignores it.
    Path forged = write("forged.zip", signed(forger, "%PDF-1.4 改过的会议记录".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("archive-verify", "--package", forged.toString(), "--public-key", publicKey(server, "server.pem")))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("manifest.sig：签名不能用受信任的公钥（指纹 "
        + server.fingerprint() + "）验证");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("核验未通过");
  }

  @Test
  void aZipBombIsNotVerifiedAndNamesTheLimit() throws IOException {
    Path bomb = dir.resolve("bomb.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry(MINUTES));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 8; i++) {
        zip.write(zeros);
      }
    }
    assertThat(run("archive-verify", "--package", bomb.toString(), "--public-key", publicKey(key("s", SignatureAlgorithm.SM2), "k.pem")))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("压缩包超过限制：条目“" + MINUTES + "”的压缩比超过 100 倍");
  }

  @Test
  void wrongUseNamesTheMissingArgumentOrFile() throws IOException {
    Path zip = write("归档包.zip", signed(key("server", SignatureAlgorithm.SM2), new byte[] {1}));
    assertThat(run("archive-verify", "--package", zip.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少参数 --public-key", "用法");
    assertThat(run("archive-verify", "--package", "no-such.zip", "--public-key", publicKey(key("s", SignatureAlgorithm.SM2), "k.pem")))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件");
    Path notAKey = write("not-a-key.pem", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(run("archive-verify", "--package", zip.toString(), "--public-key", notAKey.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("不是 PEM 格式的公钥");
    assertThat(run("archive-verify", "--package", zip.toString(), "--key", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("无法识别的参数：--key");
  }

  /** A package as the server writes it, of one file, signed by {@code key}, hashed as the key's profile does. */
  static byte[] signed(SigningKey key, byte[] minutes) {
    Instant now = Instant.parse("2026-12-08T01:00:00Z");
    HashAlgorithm hash = key.algorithm() == SignatureAlgorithm.SM2 ? HashAlgorithm.SM3 : HashAlgorithm.SHA256;
    byte[] manifest = new ArchiveManifest("S-1", "测试评委会", now, "staff1", 30, LocalDate.of(2056, 12, 8),
        hash.id(), key.algorithm().id(), key.fingerprint(), List.of(new ArchiveManifest.Entry(MINUTES, "MINUTES",
            "会议记录.pdf", hash.named(minutes), minutes.length, "staff1", now))).write();
    return ArchivePackage.zip(manifest, key.sign(manifest), key.publicKeyPem(), null, Map.of(MINUTES, minutes));
  }

  /** The package with the last byte of one entry flipped. */
  static byte[] flipped(byte[] zip, String path) throws IOException {
    Map<String, byte[]> entries = ArchivePackageTest.unzip(zip);
    byte[] content = entries.get(path);
    content[content.length - 1] ^= 1;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zipOut = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zipOut.putNextEntry(new ZipEntry(e.getKey()));
        zipOut.write(e.getValue());
      }
    }
    return out.toByteArray();
  }

  private SigningKey key(String name, SignatureAlgorithm algorithm) {
    return new FileSigningKey(dir.resolve(name + "-key.pem"), algorithm);
  }

  private String publicKey(SigningKey key, String fileName) throws IOException {
    return write(fileName, key.publicKeyPem().getBytes(StandardCharsets.US_ASCII)).toString();
  }

  private Path write(String fileName, byte[] content) throws IOException {
    return Files.write(dir.resolve(fileName), content);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return ArchiveCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
