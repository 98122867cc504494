package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.web.UploadedDocument;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.training.ExpertPledgeService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ArchivePackageTest {

  @Autowired SessionFixture fixture;
  @Autowired ArchiveRepository archive;
  @Autowired ArchivePackage packages;
  @Autowired ExpertDrawService drawService;
  @Autowired ExpertPledgeService expertPledges;

  @Test
  void aPackageHoldsEveryFileWithItsHashAndVerifies() throws IOException {
    ReviewSession session = archived();
    byte[] zip = packages.build(session);
    Map<String, byte[]> entries = unzip(zip);
    assertThat(entries).containsKeys("manifest.json", "generated/评审情况记录表.html", "generated/评审情况记录表.docx",
        "generated/随机抽取评委记录.json");
    assertThat(entries.keySet()).anyMatch(p -> p.startsWith("files/MINUTES/") && p.endsWith("会议记录.pdf"))
        .anyMatch(p -> p.startsWith("pledges/expert-"));
    String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"retentionYears\" : 30", "\"item\" : \"MINUTES\"", "\"uploadedBy\" : \"staff1\"",
        ImportFile.sha256("%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(entries.get("generated/随机抽取评委记录.json"), StandardCharsets.UTF_8))
        .contains("seedHex").doesNotContain("专家1\"");
    assertThat(packages.verify(zip)).isEmpty();
  }

  @Test
  void oneChangedByteInAnyFileIsFound() throws IOException {
    byte[] zip = packages.build(archived());
    byte[] tampered = rewrite(zip, (path, content) -> {
      if (path.startsWith("files/MINUTES/")) {
        content[content.length - 1] ^= 1;
      }
      return content;
    });
    assertThat(packages.verify(tampered)).singleElement().asString()
        .startsWith("files/MINUTES/").endsWith("SHA-256 与清单不符，文件已被改动");
  }

  @Test
  void aMissingOrAddedFileIsFound() throws IOException {
    byte[] zip = packages.build(archived());
    byte[] withoutMinutes = rewrite(zip, (path, content) -> path.startsWith("files/MINUTES/") ? null : content);
    assertThat(packages.verify(withoutMinutes)).singleElement().asString().endsWith("清单中有，压缩包中缺失");
    byte[] withExtra = rewrite(zip, (path, content) -> content, "files/MINUTES/extra.pdf");
    assertThat(packages.verify(withExtra)).containsExactly("files/MINUTES/extra.pdf：不在清单中");
  }

  private ReviewSession archived() {
    ReviewSession session = fixture.sessionWithPanel();
    byte[] minutes = "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8);
    archive.add(session.id(), ArchiveItem.MINUTES, "会议记录.pdf", "application/pdf", minutes,
        ImportFile.sha256(minutes), "staff1", Instant.now());
    DrawnExpert expert = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).findFirst()
        .orElseThrow();
    byte[] scan = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    expertPledges.attachScan(session, expert.expertCode(),
        new UploadedDocument("签字页.png", "image/png", scan, ImportFile.sha256(scan)), "staff1");
    return session;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
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
