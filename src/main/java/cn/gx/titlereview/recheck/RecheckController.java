package cn.gx.titlereview.recheck;

import cn.gx.titlereview.platform.importing.Recorded;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionUploads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}/recheck-findings")
class RecheckController {

  public record Disposition(String decision, String note) {
  }

  private final SessionAccess access;
  private final SessionUploads uploads;
  private final RecheckService recheckService;

  RecheckController(SessionAccess access, RecheckService recheckService, SessionUploads uploads) {
    this.uploads = uploads;
    this.access = access;
    this.recheckService = recheckService;
  }

  /** One rechecker's findings ({@code round} 1 or 2), as the authenticated user. */
  @PostMapping
  public Recorded record(@PathVariable String code, @RequestParam int round, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "recheck-findings", request,
        file -> recheckService.record(session, round, file, access.userId())));
  }

  /** The supervisor closes a problem: the pass is revoked, or confirmed after correction. */
  @PostMapping("/{applicantNo}/disposition")
  public Disposed dispose(@PathVariable String code, @PathVariable String applicantNo,
      @RequestBody Disposition disposition) {
    ReviewSession session = access.forWrite(code, Groups.SUPERVISOR);
    recheckService.dispose(session, applicantNo, disposition.decision(), disposition.note(), access.userId());
    return new Disposed(applicantNo, disposition.decision());
  }

  /** The problem of one applicant was closed with the decision. */
  public record Disposed(String applicantNo, String decision) {
  }
}
