package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.importing.Recorded;
import cn.gx.titlereview.platform.importing.UploadedDocument;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionUploads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/sessions/{code}/expert-pledges")
class ExpertPledgeController {

  private final SessionAccess access;
  private final SessionUploads uploads;
  private final ExpertPledgeService pledges;

  ExpertPledgeController(SessionAccess access, ExpertPledgeService pledges, SessionUploads uploads) {
    this.uploads = uploads;
    this.access = access;
    this.pledges = pledges;
  }

  /** The scanned signed page of one expert's 附件2 (PDF or image), kept with its SHA-256. */
  @PostMapping("/{expertCode}/scan")
  public Scan scan(@PathVariable String code, @PathVariable String expertCode,
      @RequestParam("file") MultipartFile file) {
    ReviewSession session = access.forStaff(code);
    UploadedDocument scan = UploadedDocument.read(file, UploadedDocument.SCANS);
    pledges.attachScan(session, expertCode, scan, access.userId());
    return new Scan(expertCode, scan.sha256());
  }

  /** The signed 附件2 of one expert was kept; {@code sha256} is the scan's. */
  public record Scan(String expertCode, String sha256) {
  }

  /** A JSON array of {@code {"expertCode": ...}}, or an .xlsx with the column 专家编号. */
  @PostMapping
  public Recorded record(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "expert-pledges", request,
        file -> pledges.record(session, file, access.userId())));
  }
}
