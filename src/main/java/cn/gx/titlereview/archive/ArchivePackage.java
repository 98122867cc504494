package cn.gx.titlereview.archive;

import cn.gx.titlereview.archive.ArchiveRepository.ArchiveFile;
import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.record.RecordDocx;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.training.PledgeRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * One .zip per session: every archived file, the experts' scanned pledges, the generated record form (page and
 * .docx), the draw record, and a manifest listing each entry with its SHA-256, its archive item, who uploaded it
 * and when. {@link #verify} recomputes every hash, so that one changed byte in any file is found.
 */
@Service
public class ArchivePackage {

  static final String MANIFEST = "manifest.json";

  public record Entry(String path, String item, String sha256, long size, String uploadedBy, Instant uploadedAt) {
  }

  public record Manifest(String sessionCode, String committeeName, Instant generatedAt, int retentionYears,
      LocalDate retainUntil, List<Entry> entries) {
  }

  private final ArchiveRepository archive;
  private final PledgeRepository pledges;
  private final DrawRepository draws;
  private final RecordService records;
  private final RecordDocx docx;
  private final TemplateEngine templates;
  private final ObjectMapper json;
  private final Clock clock;
  private final int retentionYears;

  public ArchivePackage(ArchiveRepository archive, PledgeRepository pledges, DrawRepository draws,
      RecordService records, RecordDocx docx, TemplateEngine templates, ObjectMapper json, Clock clock,
      @Value("${titlereview.archive.retention-years:30}") int retentionYears) {
    this.archive = archive;
    this.pledges = pledges;
    this.draws = draws;
    this.records = records;
    this.docx = docx;
    this.templates = templates;
    this.json = json;
    this.clock = clock;
    this.retentionYears = retentionYears;
  }

  public byte[] build(ReviewSession session) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (ArchiveFile f : archive.files(session.id())) {
      String path = "files/" + f.item() + "/" + f.id() + "-" + f.fileName();
      contents.put(path, archive.content(session.id(), f.id()));
      entries.add(new Entry(path, f.item(), f.sha256(), f.sizeBytes(), f.uploadedBy(), f.uploadedAt()));
    }
    for (PledgeRepository.Scan scan : pledges.scanFiles(session.id())) {
      add(contents, entries, "pledges/expert-" + scan.expertId() + "-" + scan.fileName(), "EXPERT_PLEDGE",
          scan.content());
    }
    RecordForm form = records.form(session);
    Context page = new Context();
    page.setVariable("form", form);
    add(contents, entries, "generated/评审情况记录表.html", "RECORD_FORM",
        templates.process("record", page).getBytes(StandardCharsets.UTF_8));
    add(contents, entries, "generated/评审情况记录表.docx", "RECORD_FORM", docx.write(form));
    add(contents, entries, "generated/随机抽取评委记录.json", "DRAW_RECORD", write(drawRecord(session)));
    Instant now = clock.instant();
    Manifest manifest = new Manifest(session.code(), session.committeeName(), now, retentionYears,
        LocalDate.ofInstant(now, clock.getZone()).plusYears(retentionYears), entries);
    return zip(contents, write(manifest));
  }

  /** Every problem found: a file missing, changed or unlisted; empty means the package is intact. */
  public List<String> verify(byte[] zip) {
    Map<String, byte[]> contents = unzip(zip);
    byte[] manifestBytes = contents.remove(MANIFEST);
    if (manifestBytes == null) {
      return List.of("压缩包中没有 " + MANIFEST);
    }
    Manifest manifest;
    try {
      manifest = json.readValue(manifestBytes, Manifest.class);
    } catch (IOException e) {
      return List.of(MANIFEST + " 无法读取：" + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    for (Entry entry : manifest.entries()) {
      byte[] content = contents.remove(entry.path());
      if (content == null) {
        problems.add(entry.path() + "：清单中有，压缩包中缺失");
      } else if (!ImportFile.sha256(content).equals(entry.sha256())) {
        problems.add(entry.path() + "：SHA-256 与清单不符，文件已被改动");
      }
    }
    contents.keySet().forEach(path -> problems.add(path + "：不在清单中"));
    return problems;
  }

  private Map<String, Object> drawRecord(ReviewSession session) {
    Map<String, Object> record = new LinkedHashMap<>();
    draws.find(session.id()).ifPresent(d -> record.put("draw", d));
    // Codes, roles and answers only: the experts' names stay in the system, for the supervisors.
    record.put("experts", draws.drawn(session.id()).stream().map(e -> Map.of("expertCode", e.expertCode(),
        "specialty", e.specialty(), "drawOrder", e.drawOrder(), "role", e.role(),
        "response", e.response() == null ? "" : e.response(),
        "replaces", e.replacesExpertCode() == null ? "" : e.replacesExpertCode())).toList());
    return record;
  }

  private static void add(Map<String, byte[]> contents, List<Entry> entries, String path, String item,
      byte[] content) {
    contents.put(path, content);
    entries.add(new Entry(path, item, ImportFile.sha256(content), content.length, null, null));
  }

  private byte[] write(Object value) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zip(Map<String, byte[]> contents, byte[] manifest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(manifest);
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> contents = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        contents.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("不是有效的 .zip 文件：" + e.getMessage(), e);
    }
    return contents;
  }
}
