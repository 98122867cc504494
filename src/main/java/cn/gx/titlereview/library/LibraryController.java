package cn.gx.titlereview.library;

import cn.gx.titlereview.library.LibraryService.VersionView;
import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.importing.Imported;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.region.Committee;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A committee's expert library (docs/library.md): read by its organising, approving and supervising units. */
@RestController
@RequestMapping("/api/committees/{code}/library")
class LibraryController {

  private final LibraryAccess access;
  private final LibraryService service;
  private final LibraryReads reads;
  private final LibraryHealth health;
  private final AttendanceHistory history;

  LibraryController(LibraryAccess access, LibraryService service, LibraryReads reads, LibraryHealth health,
      AttendanceHistory history) {
    this.access = access;
    this.service = service;
    this.reads = reads;
    this.health = health;
    this.history = history;
  }

  /** One page (100) of the current library, contacts masked; {@code q} finds by code, name, employer, specialty. */
  @GetMapping
  public LibraryReads.LibraryView library(@PathVariable String code, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page) {
    return reads.view(code, q, page);
  }

  /** The differences a whole-library file (.xlsx or JSON) would make; writes nothing. */
  @PostMapping("/preview")
  public LibraryService.Preview preview(@PathVariable String code, HttpServletRequest request) {
    return service.preview(access.forKeeper(code), UploadReader.read(request));
  }

  /** Applies the previewed file as the next version: {@code baseVersion} and {@code sha256} from the preview. */
  @PostMapping("/imports")
  public VersionView apply(@PathVariable String code, @RequestParam int baseVersion,
      @RequestParam(required = false) String sha256, HttpServletRequest request) {
    return service.apply(access.forKeeper(code), UploadReader.read(request), baseVersion, sha256, access.userId());
  }

  /** One change of one expert: {@code {"action": "暂停"|"恢复"|"出库"|"更正", "reason", "date", "field", "value"}}. */
  @PostMapping("/experts/{expertCode}/changes")
  public VersionView change(@PathVariable String code, @PathVariable String expertCode,
      @RequestBody LibraryService.Change change) {
    return service.change(access.forKeeper(code), expertCode, change, access.userId());
  }

  /** The current library as .xlsx: contacts only for its keeper; logged. */
  @GetMapping("/export")
  public ResponseEntity<byte[]> export(@PathVariable String code) {
    LibraryReads.Export export = reads.export(code);
    return Downloads.xlsx(export.fileName(), export.content());
  }

  /** Who read or exported the library's and its sessions' confidential data. */
  @GetMapping("/access-log")
  public List<AuditEntry> accessLog(@PathVariable String code) {
    return reads.accessLog(code);
  }

  /**
   * Attendance of the years before the system (年度, 专家编号, .xlsx or JSON), for the consecutive-years rule (前三年
   * 连续出席评委对比屏蔽); the committee's own sessions add theirs. By its keeper; all or nothing.
   */
  @PostMapping("/attendance-history")
  public Imported attendanceHistory(@PathVariable String code, HttpServletRequest request) {
    Committee committee = access.forKeeper(code);
    return new Imported(history.importHistory(committee.id(), committee.name(), UploadReader.read(request),
        access.userId()));
  }

  /** Can the library still fill a panel and its reserves; terms ending; draws and declines per expert. */
  @GetMapping("/health")
  public LibraryHealth.Report health(@PathVariable String code) {
    return health.report(access.forRead(code));
  }
}
