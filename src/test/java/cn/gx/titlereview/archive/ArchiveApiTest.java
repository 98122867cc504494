package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.crypto.PemKeys;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hostile uploads and packages over HTTP: each is answered 400 in Chinese or stored under our own name, never 500. */
@IntegrationTest
class ArchiveApiTest {

  @LocalServerPort int port;
  @Autowired TestData data;
  @Autowired SigningKey signingKey;
  @Autowired ObjectMapper json;
  @TempDir Path dir;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void hostileFileNamesAreKeptForDisplayOnlyAndThePackageUsesOurs() throws IOException {
    String code = data.session("中级").code();
    String longName = "会".repeat(300) + ".pdf";
    List<String> names = List.of("../../../../tmp/x.pdf", "..\\..\\windows\\x.pdf", "/etc/x.pdf", "C:\\x.pdf",
        "CON.pdf", "tab\there\u0007\u202e.PDF", longName);
    for (String name : names) {
      Reply reply = upload(code, name, "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8));
      assertThat(reply.status()).as(name + " " + reply.body()).isEqualTo(201);
    }
    JsonNode files = json.readTree(api.get("/api/sessions/" + code + "/archive", "staff1").body());
    assertThat(StreamSupport.stream(files.spliterator(), false).map(f -> f.get("storedName").asText()))
        .containsExactly("MINUTES-001.pdf", "MINUTES-002.pdf", "MINUTES-003.pdf", "MINUTES-004.pdf",
            "MINUTES-005.pdf", "MINUTES-006.pdf", "MINUTES-007.pdf");
    assertThat(files.get(0).get("fileName").asText()).isEqualTo("../../../../tmp/x.pdf");
    assertThat(files.get(5).get("fileName").asText()).isEqualTo("tabhere.PDF");
    String shortened = files.get(6).get("fileName").asText();
    assertThat(shortened).hasSize(255).startsWith("会会会").endsWith("….pdf");

    byte[] zip = download(code);
    assertThat(ArchivePackageTest.unzip(zip).keySet()).filteredOn(p -> p.startsWith("files/"))
        .hasSize(7).allMatch(p -> p.matches("files/MINUTES/MINUTES-00[1-7]\\.pdf"));
    Reply verified = api.postFile("/api/archive/verify", "supervisor1", "归档包.zip", zip);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body()).contains("\"valid\":true");
  }

  @Test
  void aNameWithNulAnEmptyFileNoFileAndATooLargeFileAreRefusedInChinese() {
    String code = data.session("中级").code();
    Reply nul = upload(code, "x.exe\0.pdf", new byte[] {1});
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body()).contains("文件名含有空字符（NUL）");
    Reply empty = upload(code, "会议记录.pdf", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("文件为空");
    Reply none = api.postJson("/api/sessions/" + code + "/archive/MINUTES", "staff1", "{}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("未收到文件");
    Reply noExtension = upload(code, "..", new byte[] {1});
    assertThat(noExtension.status()).isEqualTo(400);
    assertThat(noExtension.body()).contains("的类型不允许");
    Reply tooLarge = upload(code, "会议记录.pdf", new byte[21 * 1024 * 1024]);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("上传文件超过大小限制");
  }

  @Test
  void thePublicKeyIsPublishedToUsersAndItsFingerprintPrintedOnTheRecord() throws IOException {
    assertThat(api.get("/api/archive/public-key", null).status()).isEqualTo(401);
    Reply key = api.get("/api/archive/public-key", "staff1");
    assertThat(key.status()).isEqualTo(200);
    assertThat(key.body()).isEqualTo(signingKey.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(PemKeys.fingerprint(PemKeys.publicKey(key.body()))).isEqualTo(signingKey.fingerprint());

    ReviewSession session = data.session("中级");
    assertThat(api.get("/sessions/" + session.code() + "/record", "staff1").body())
        .contains("归档包签名公钥指纹：" + signingKey.fingerprint());
    assertThat(api.get("/api/sessions/" + session.code() + "/record", "staff1").body())
        .contains("\"archiveKeyFingerprint\":\"" + signingKey.fingerprint() + "\"");
    byte[] docx = api.download("/sessions/" + session.code() + "/record.docx", "staff1");
    try (XWPFWordExtractor word = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
      assertThat(word.getText()).contains("归档包签名公钥指纹：" + signingKey.fingerprint());
    }
  }

  @Test
  void aZipBombIsRefusedWith400AndTheHeapStaysBounded() throws IOException {
    // 200 MB of zeros in one entry, written as a stream: about 200 KB on disk, never in memory.
    Path bomb = dir.resolve("bomb.zip");
    try (OutputStream file = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("files/MINUTES/MINUTES-001.pdf"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros);
      }
    }
    byte[] compressed = Files.readAllBytes(bomb);
    assertThat(compressed.length).isLessThan(1024 * 1024);

    long allocatedBefore = allocatedByAllThreads();
    Reply reply = api.postFile("/api/archive/verify", "staff1", "bomb.zip", compressed);
    long allocated = allocatedByAllThreads() - allocatedBefore;

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("压缩包超过限制：条目“files/MINUTES/MINUTES-001.pdf”的压缩比超过 100 倍");
    // Reading the entry whole would allocate at least its 200 MB; streamed, the whole request allocates a few MB.
    System.out.printf("zip bomb (%d bytes compressed, 200 MB inflated): the request allocated %.1f MB%n",
        compressed.length, allocated / 1048576.0);
    assertThat(allocated).isLessThan(32L * 1024 * 1024);
  }

  @Test
  void aLargePackageMayComeAsTheRequestBody() throws IOException {
    String code = data.session("中级").code();
    upload(code, "会议记录.pdf", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8));
    Reply verified = api.postBytes("/api/archive/verify", "approver1", "application/zip", download(code));
    assertThat(verified.body()).contains("\"valid\":true");
    Reply notAZip = api.postBytes("/api/archive/verify", "approver1", "application/zip", new byte[] {1, 2, 3});
    assertThat(notAZip.status()).isEqualTo(200);
    assertThat(notAZip.body()).contains("\"valid\":false", "压缩包中没有 manifest.json");
  }

  private Reply upload(String code, String fileName, byte[] content) {
    return api.postFile("/api/sessions/" + code + "/archive/MINUTES", "staff1", fileName, content);
  }

  private byte[] download(String code) {
    return api.download("/api/sessions/" + code + "/archive/package", "staff1");
  }

  /** Bytes allocated so far by the live threads: an upper bound on what the heap grew by meanwhile. */
  private static long allocatedByAllThreads() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
  }
}
