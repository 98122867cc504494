package cn.gx.titlereview.archive;

import cn.gx.titlereview.archive.ArchiveRepository.ArchiveFile;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
public class ArchiveController {

  /** Scans, documents and the exported review data; the size limit is spring.servlet.multipart.max-file-size. */
  static final List<String> ALLOWED_EXTENSIONS = List.of("pdf", "jpg", "jpeg", "png", "docx", "xlsx", "zip");

  private final SessionAccess access;
  private final ArchiveRepository archive;
  private final Clock clock;

  public ArchiveController(SessionAccess access, ArchiveRepository archive, Clock clock) {
    this.access = access;
    this.archive = archive;
    this.clock = clock;
  }

  @PostMapping("/{item}")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> upload(@PathVariable String code, @PathVariable String item,
      @RequestParam("file") MultipartFile file) throws IOException {
    ReviewSession session = access.forStaff(code);
    ArchiveItem archiveItem = Arrays.stream(ArchiveItem.values()).filter(i -> i.name().equals(item)).findFirst()
        .orElseThrow(() -> BusinessException.badRequest("归档项目 " + item + " 不存在，应为 "
            + Arrays.toString(ArchiveItem.values()) + " 之一"));
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (file.isEmpty()) {
      throw BusinessException.badRequest("文件 " + name + " 为空");
    }
    if (!ALLOWED_EXTENSIONS.contains(extension)) {
      throw BusinessException.badRequest("文件 " + name + " 的类型不允许归档，允许：" + String.join("、", ALLOWED_EXTENSIONS));
    }
    byte[] content = file.getBytes();
    String sha256 = ImportFile.sha256(content);
    archive.add(session.id(), archiveItem, name, file.getContentType(), content, sha256, access.userId(),
        clock.instant());
    return Map.of("item", archiveItem.name(), "fileName", name, "sha256", sha256);
  }

  @GetMapping
  public List<ArchiveFile> list(@PathVariable String code) {
    return archive.files(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }
}
