package cn.gx.titlereview.archive;

import static cn.gx.titlereview.platform.crypto.HashAlgorithm.SM3;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.crypto.FileSigningKey;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.UploadedDocument;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Documents;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.training.ExpertPledgeService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The signed package, checked online (the server's key and records) and offline (the jar's command). */
@IntegrationTest
class ArchivePackageTest {

  static final String SIGNATURE_FAILS = "manifest.sig：签名不能用受信任的公钥";
  static final String NOT_ISSUED = "manifest.json：本服务器没有签发过这份清单";

  @Autowired SessionFixture fixture;
  @Autowired ArchiveRepository archive;
  @Autowired ArchivePackage packages;
  @Autowired SigningKey signingKey;
  @Autowired ExpertDrawService drawService;
  @Autowired ExpertPledgeService expertPledges;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @Test
  void aPackageHoldsEveryFileUnderOurNamesSignedAndVerifiesOnlineAndOffline() throws IOException {
    ReviewSession session = archived();
    byte[] zip = packages.build(session, "staff1");
    Map<String, byte[]> entries = unzip(zip);
    long expertId = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).findFirst().orElseThrow()
        .expertId();
    assertThat(entries).containsKeys("manifest.json", "manifest.sig", "public-key.pem",
        "files/MINUTES/MINUTES-001.pdf", "files/MINUTES/MINUTES-002.pdf", "pledges/expert-" + expertId + ".png",
        "generated/评审情况记录表.html", "generated/评审情况记录表.docx", "generated/随机抽取评委记录.json");
    assertThat(entries.keySet()).allMatch(p -> ArchiveVerifier.unsafe(p) == null).noneMatch(p -> p.contains("tmp"));
    String manifest = text(entries, "manifest.json");
    assertThat(manifest).contains("\"retentionYears\" : 30", "\"item\" : \"MINUTES\"", "\"uploadedBy\" : \"staff1\"",
        "\"displayName\" : \"会议记录.pdf\"", "\"displayName\" : \"../../../../tmp/x.pdf\"",
        "\"keyFingerprint\" : \"" + signingKey.fingerprint() + "\"", "\"hashAlgorithm\" : \"sm3\"",
        "\"signatureAlgorithm\" : \"sm2\"", SM3.named("%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8)));
    assertThat(signingKey.fingerprint()).startsWith("sm3:");
    assertThat(text(entries, "generated/评审情况记录表.html")).contains("归档包签名公钥指纹：", signingKey.fingerprint());
    assertThat(text(entries, "generated/随机抽取评委记录.json")).contains("seedHex").doesNotContain("专家1\"");
    assertThat(archive.packageIssuedFor(SM3.named(entries.get("manifest.json")))).contains(session.id());
    // The official documents as PDF, each listed in the signed manifest with its hash; experts by code only.
    for (String pdf : List.of("generated/评审情况记录表.pdf", "generated/随机抽取评委记录单.pdf",
        "generated/评审专家工作守则.pdf")) {
      assertThat(entries).containsKey(pdf);
      assertThat(new String(entries.get(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(manifest).contains("\"path\" : \"" + pdf + "\"", SM3.named(entries.get(pdf)));
    }
    assertThat(manifest).contains(SM3.named(entries.get("generated/评审结果.xlsx")));
    Documents.keep("draw-record-archive.pdf", entries.get("generated/随机抽取评委记录单.pdf"));
    String drawSheet = Documents.pdf(entries.get("generated/随机抽取评委记录单.pdf")).text().replaceAll("\\s+", "");
    assertThat(drawSheet).contains("随机抽取评委记录单", "（保密）", "抽取人签字", "监督人签字", "可凭抽取名单文件和公开的随机种子复算")
        .doesNotContain("专家1", "/api/");
    assertThat(Documents.pdf(entries.get("generated/评审专家工作守则.pdf")).text()).contains("专家编号 ")
        .doesNotContain("专家1");

    assertThat(verify(zip)).isEmpty();
    assertThat(offline(zip, signingKey.publicKeyPem())).isZero();
  }

  @Test
  void oneChangedByteInAnyFileIsFound() throws IOException {
    byte[] tampered = rewrite(packages.build(archived(), "staff1"), (path, content) -> {
      if (path.equals("files/MINUTES/MINUTES-001.pdf")) {
        content[content.length - 1] ^= 1;
      }
      return content;
    });
    assertThat(verify(tampered)).containsExactly("files/MINUTES/MINUTES-001.pdf：SM3 与清单不符，文件已被改动");
  }

  @Test
  void aFileChangedTogetherWithItsHashInTheManifestFailsOnlineAndOffline() throws IOException {
    byte[] zip = packages.build(archived(), "staff1");
    byte[] forged = "%PDF-1.4 改过的会议记录".getBytes(StandardCharsets.UTF_8);
    String original = SM3.named("%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8));
    byte[] tampered = rewrite(zip, (path, content) -> switch (path) {
      case "files/MINUTES/MINUTES-001.pdf" -> forged;
      case "manifest.json" -> replace(content, original, SM3.named(forged));
      default -> content;
    });
    assertThat(verify(tampered)).hasSize(2).anyMatch(p -> p.startsWith(SIGNATURE_FAILS))
        .anyMatch(p -> p.startsWith(NOT_ISSUED));
    assertThat(offline(tampered, signingKey.publicKeyPem())).isEqualTo(1);
  }

  @Test
  void aChangedRetentionPeriodOrUploaderFails() throws IOException {
    byte[] zip = packages.build(archived(), "staff1");
    for (String[] change : List.of(new String[] {"\"retentionYears\" : 30", "\"retentionYears\" : 10"},
        new String[] {"\"uploadedBy\" : \"staff1\"", "\"uploadedBy\" : \"staff4\""})) {
      byte[] tampered = rewrite(zip, (path, content) -> path.equals("manifest.json")
          ? replace(content, change[0], change[1]) : content);
      assertThat(verify(tampered)).as(change[1]).anyMatch(p -> p.startsWith(SIGNATURE_FAILS))
          .anyMatch(p -> p.startsWith(NOT_ISSUED));
      assertThat(offline(tampered, signingKey.publicKeyPem())).as(change[1]).isEqualTo(1);
    }
  }

  @Test
  void aManifestReSignedWithAnotherKeyFailsOnlineAndOfflineWhateverKeyThePackageCarries() throws IOException {
    byte[] zip = packages.build(archived(), "staff1");
    SigningKey forger = new FileSigningKey(dir.resolve("forger.pem"), SignatureAlgorithm.SM2);
    byte[] tampered = rewrite(zip, (path, content) -> path.equals("manifest.json")
        ? replace(content, "\"retentionYears\" : 30", "\"retentionYears\" : 1") : content);
    byte[] manifest = unzip(tampered).get("manifest.json");
    byte[] resigned = rewrite(tampered, (path, content) -> switch (path) {
      case "manifest.sig" -> Base64.getEncoder().encode(forger.sign(manifest));
      case "public-key.pem" -> forger.publicKeyPem().getBytes(StandardCharsets.US_ASCII);
      default -> content;
    });
    assertThat(verify(resigned)).anyMatch(p -> p.startsWith(SIGNATURE_FAILS)).anyMatch(p -> p.startsWith(NOT_ISSUED));
    assertThat(offline(resigned, signingKey.publicKeyPem())).isEqualTo(1);
    // The forger's own key does verify it: which is why the key must come from the issuer, not from the package.
    assertThat(offline(resigned, forger.publicKeyPem())).isZero();
  }

  @Test
  void aManifestSignedWithTheServersKeyButNeverIssuedFails() throws IOException {
    byte[] zip = packages.build(archived(), "staff1");
    byte[] tampered = rewrite(zip, (path, content) -> path.equals("manifest.json")
        ? replace(content, "\"retentionYears\" : 30", "\"retentionYears\" : 1") : content);
    byte[] manifest = unzip(tampered).get("manifest.json");
    byte[] resigned = rewrite(tampered, (path, content) -> path.equals("manifest.sig")
        ? Base64.getEncoder().encode(signingKey.sign(manifest)) : content);
    assertThat(verify(resigned)).singleElement().asString().startsWith(NOT_ISSUED);
  }

  @Test
  void aFileChangedOnTheServerAfterPackagingIsFound() throws IOException {
    ReviewSession session = archived();
    byte[] zip = packages.build(session, "staff1");
    jdbc.sql("update archive_file set sha256 = ? where session_id = ? and file_name = ?")
        .params("0".repeat(64), session.id(), "会议记录.pdf").update();
    assertThat(verify(zip)).containsExactly("files/MINUTES/MINUTES-001.pdf：SM3 与服务器登记的不符");
  }

  @Test
  void aMissingOrAddedFileIsFound() throws IOException {
    byte[] zip = packages.build(archived(), "staff1");
    byte[] withoutMinutes = rewrite(zip, (path, content) -> path.equals("files/MINUTES/MINUTES-001.pdf") ? null
        : content);
    assertThat(verify(withoutMinutes)).singleElement().asString().endsWith("清单中有，压缩包中缺失");
    byte[] withExtra = rewrite(zip, (path, content) -> content, "files/MINUTES/extra.pdf");
    assertThat(verify(withExtra)).containsExactly("files/MINUTES/extra.pdf：不在清单中");
  }

  /** Minutes twice (once under the tester's traversal name) and a pledge scan whose name climbs out of its folder. */
  private ReviewSession archived() {
    ReviewSession session = fixture.sessionWithPanel();
    byte[] minutes = "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8);
    archive.add(session.id(), ArchiveItem.MINUTES, "会议记录.pdf", "application/pdf", minutes,
        ImportFile.sha256(minutes), "staff1", Instant.now());
    byte[] second = "%PDF-1.4 second".getBytes(StandardCharsets.UTF_8);
    archive.add(session.id(), ArchiveItem.MINUTES, "../../../../tmp/x.pdf", "application/pdf", second,
        ImportFile.sha256(second), "staff1", Instant.now());
    DrawnExpert expert = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).findFirst()
        .orElseThrow();
    byte[] scan = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    expertPledges.attachScan(session, expert.expertCode(),
        new UploadedDocument("../../签字页.png", "image/png", scan, ImportFile.sha256(scan)), "staff1");
    return session;
  }

  private List<String> verify(byte[] zip) {
    return packages.verify(new ByteArrayInputStream(zip));
  }

  /** The jar's {@code archive-verify}, with the package and the key as files. */
  private int offline(byte[] zip, String publicKeyPem) throws IOException {
    Path file = Files.write(dir.resolve("package-" + System.nanoTime() + ".zip"), zip);
    Path key = Files.writeString(dir.resolve("key-" + System.nanoTime() + ".pem"), publicKeyPem);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return ArchiveCommandLine.run(new String[] {"archive-verify", "--package", file.toString(), "--public-key",
        key.toString()}, quiet, quiet);
  }

  private static String text(Map<String, byte[]> entries, String path) {
    return new String(entries.get(path), StandardCharsets.UTF_8);
  }

  private static byte[] replace(byte[] content, String from, String to) {
    String text = new String(content, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] rewrite(byte[] zip, BiFunction<String, byte[], byte[]> change, String... extra)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zipOut = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : unzip(zip).entrySet()) {
        byte[] content = change.apply(e.getKey(), e.getValue());
        if (content != null) {
          zipOut.putNextEntry(new ZipEntry(e.getKey()));
          zipOut.write(content);
        }
      }
      for (String path : extra) {
        zipOut.putNextEntry(new ZipEntry(path));
        zipOut.write(new byte[] {1});
      }
    }
    return out.toByteArray();
  }
}
