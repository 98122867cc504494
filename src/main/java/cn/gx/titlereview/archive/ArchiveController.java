package cn.gx.titlereview.archive;

import cn.gx.titlereview.archive.ArchiveRepository.ArchiveFile;
import cn.gx.titlereview.platform.importing.UploadedDocument;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads of the archive items, each file kept with its SHA-256. */
@RestController
@RequestMapping("/api/sessions/{code}/archive")
class ArchiveController {

  private final SessionAccess access;
  private final ArchiveRepository archive;
  private final ArchivePackage packages;
  private final Clock clock;

  ArchiveController(SessionAccess access, ArchiveRepository archive, ArchivePackage packages, Clock clock) {
    this.access = access;
    this.archive = archive;
    this.packages = packages;
    this.clock = clock;
  }

  @PostMapping("/{item}")
  @ResponseStatus(HttpStatus.CREATED)
  public Stored upload(@PathVariable String code, @PathVariable String item,
      @RequestParam(value = "file", required = false) MultipartFile file) {
    ReviewSession session = access.forStaff(code);
    ArchiveItem archiveItem = Arrays.stream(ArchiveItem.values()).filter(i -> i.name().equals(item)).findFirst()
        .orElseThrow(() -> BusinessException.badRequest("归档项目 " + item + " 不存在，应为 "
            + Arrays.toString(ArchiveItem.values()) + " 之一"));
    UploadedDocument document = UploadedDocument.read(file, ArchiveItem.FILE_TYPES);
    archive.add(session.id(), archiveItem, document.fileName(), document.contentType(), document.content(),
        document.sha256(), access.userId(), clock.instant());
    return new Stored(archiveItem.name(), document.fileName(), document.sha256());
  }

  /** The file kept under its archive item, with its SHA-256. */
  public record Stored(String item, String fileName, String sha256) {
  }

  /** The archive package: every file, the generated record and draw record, and the signed manifest of hashes. */
  @GetMapping("/package")
  public ResponseEntity<byte[]> download(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(session.code() + "-归档包.zip", StandardCharsets.UTF_8).build().toString())
        .body(packages.build(session, access.userId()));
  }

  @GetMapping
  public List<ArchiveFile> list(@PathVariable String code) {
    return archive.files(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }
}
