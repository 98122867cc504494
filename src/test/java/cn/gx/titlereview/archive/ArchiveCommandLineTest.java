package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The jar's offline archive check, run as a user would, on files, without the application. */
class ArchiveCommandLineTest {

  static final String MINUTES = "files/MINUTES/MINUTES-001.pdf";

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anIntactPackageVerifiesWithTheIssuersKey() throws IOException {
    ArchiveSigningKey key = key("server");
    Path zip = write("归档包.zip", signed(key, "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("archive-verify", "--package", zip.toString(), "--public-key", publicKey(key, "公钥.pem")))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("核验通过：评审会 S-1 的归档包", key.fingerprint(),
        "1 个文件的 SHA-256 均与清单一致");
  }

  @Test
  void aPackageChangedAndReSignedWithAnotherKeyDoesNotVerifyWithTheIssuersKey() throws IOException {
    ArchiveSigningKey server = key("server");
    ArchiveSigningKey forger = key("forger");
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
    assertThat(run("archive-verify", "--package", bomb.toString(), "--public-key", publicKey(key("s"), "k.pem")))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("压缩包超过限制：条目“" + MINUTES + "”的压缩比超过 100 倍");
  }

  @Test
  void wrongUseNamesTheMissingArgumentOrFile() throws IOException {
    Path zip = write("归档包.zip", signed(key("server"), new byte[] {1}));
    assertThat(run("archive-verify", "--package", zip.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少参数 --public-key", "用法");
    assertThat(run("archive-verify", "--package", "no-such.zip", "--public-key", publicKey(key("s"), "k.pem")))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件");
    Path notAKey = write("not-a-key.pem", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(run("archive-verify", "--package", zip.toString(), "--public-key", notAKey.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("不是 PEM 格式的公钥");
    assertThat(run("archive-verify", "--package", zip.toString(), "--key", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("无法识别的参数：--key");
  }

  /** A package as the server writes it, of one file, signed by {@code key}. */
  static byte[] signed(ArchiveSigningKey key, byte[] minutes) {
    Instant now = Instant.parse("2026-12-08T01:00:00Z");
    byte[] manifest = new ArchiveManifest("S-1", "测试评委会", now, "staff1", 30, LocalDate.of(2056, 12, 8),
        key.fingerprint(), List.of(new ArchiveManifest.Entry(MINUTES, "MINUTES", "会议记录.pdf",
            ImportFile.sha256(minutes), minutes.length, "staff1", now))).write();
    return ArchivePackage.zip(manifest, key.sign(manifest), key.publicKeyPem(), Map.of(MINUTES, minutes));
  }

  private ArchiveSigningKey key(String name) {
    return new ArchiveSigningKey(dir.resolve(name + "-key.pem").toString(), new String[0]);
  }

  private String publicKey(ArchiveSigningKey key, String fileName) throws IOException {
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
