package cn.gx.titlereview.recheck;

import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
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
  private final RecheckService recheckService;

  RecheckController(SessionAccess access, RecheckService recheckService) {
    this.access = access;
    this.recheckService = recheckService;
  }

  /** One rechecker's findings ({@code round} 1 or 2), as the authenticated user. */
  @PostMapping
  public Map<String, Object> record(@PathVariable String code, @RequestParam int round, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return Map.of("recorded", recheckService.record(session, round, UploadReader.read(request), access.userId()));
  }

  /** The supervisor closes a problem: the pass is revoked, or confirmed after correction. */
  @PostMapping("/{applicantNo}/disposition")
  public Map<String, Object> dispose(@PathVariable String code, @PathVariable String applicantNo,
      @RequestBody Disposition disposition) {
    ReviewSession session = access.forWrite(code, Groups.SUPERVISOR);
    recheckService.dispose(session, applicantNo, disposition.decision(), disposition.note(), access.userId());
    return Map.of("applicantNo", applicantNo, "decision", disposition.decision());
  }
}
