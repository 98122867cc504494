package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.AttendanceHistory;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.platform.importing.Imported;
import cn.gx.titlereview.platform.importing.Recorded;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionUploads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}")
class DrawController {

  private final SessionAccess access;
  private final SessionUploads uploads;
  private final RosterImportService rosterImport;
  private final RosterRepository roster;
  private final ImportBatchRepository batches;
  private final ExpertDrawService drawService;
  private final DrawRepository draws;
  private final DrawVerification verification;
  private final AttendanceHistory history;
  private final OfflineDrawService offlineDraw;

  DrawController(SessionAccess access, RosterImportService rosterImport,
      RosterRepository roster, ImportBatchRepository batches, ExpertDrawService drawService, DrawRepository draws,
      DrawVerification verification, AttendanceHistory history, OfflineDrawService offlineDraw, SessionUploads uploads) {
    this.uploads = uploads;
    this.access = access;
    this.rosterImport = rosterImport;
    this.roster = roster;
    this.batches = batches;
    this.drawService = drawService;
    this.draws = draws;
    this.verification = verification;
    this.history = history;
    this.offlineDraw = offlineDraw;
  }

  /** Replaces the whole roster: a JSON array, or a multipart field {@code file} with .xlsx or .json. */
  @PostMapping("/roster")
  public ImportedRoster importRoster(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    int count = uploads.accept(session, "roster", request, file -> rosterImport.replace(session, file, access.userId()));
    return new ImportedRoster(count, batches.latest(session.id(), RosterImportService.KIND).orElseThrow().sha256());
  }

  /** The roster now holds {@code imported} experts; {@code sha256} is the file's, to compare with the official one. */
  public record ImportedRoster(int imported, String sha256) {
  }

  /** The roster's size and its last import (file, hash, who, when), or none yet. */
  public record RosterSummary(int count, ImportBatchRepository.ImportBatch lastImport) {
  }

  /** Counts and the file hash only: enough to compare with the official total, without names. */
  @GetMapping("/roster")
  public RosterSummary rosterSummary(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER);
    return new RosterSummary(roster.count(session.id()),
        batches.latest(session.id(), RosterImportService.KIND).orElse(null));
  }

  /** Attendance of years before the system, for the consecutive-years rule: 年度, 专家编号, into the session's committee. */
  @PostMapping("/attendance-history")
  public Imported attendanceHistory(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Imported(uploads.accept(session, "attendance-history", request,
        file -> history.importHistory(session.committeeId(), session.committeeName(), file, access.userId())));
  }

  /** The draw (pool hash, seed, sizes, time; null before it) and the drawn experts in order. */
  public record DrawView(DrawRepository.Draw draw, java.util.List<DrawnExpert> experts) {
  }

  /** The drawn experts, with names: confidential, for the session's staff and the supervisors only. */
  @GetMapping("/draw")
  public DrawView draw(@PathVariable String code) {
    ReviewSession session = access.forConfidential(code, "抽取结果（评委名单）");
    return new DrawView(draws.find(session.id()).orElse(null), drawService.drawn(session.id()));
  }

  /**
   * The pool file: codes per group and their SHA-256. Before the draw it is what the offline program draws from;
   * after it, with the revealed seed, anyone can recompute the draw.
   */
  @GetMapping("/draw/pool")
  public ReproducibleDraw.PoolFile pool(@PathVariable String code) {
    return verification.pool(access.forConfidential(code, "抽取池文件"));
  }

  /** The offline program's result file (JSON), verified whole before it is kept; see DrawCommandLine. */
  @PostMapping("/draw/offline-result")
  public DrawCommitment.OfflineResult offlineResult(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return offlineDraw.accept(session, UploadReader.read(request), access.userId());
  }

  @PostMapping("/draw/responses")
  public Recorded responses(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "draw/responses", request,
        file -> drawService.recordResponses(session, file, access.userId())));
  }

}
