package cn.gx.titlereview.preparation;

import cn.gx.titlereview.platform.importing.Imported;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionUploads;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}/applicants")
class ApplicantController {

  private final SessionAccess access;
  private final SessionUploads uploads;
  private final ApplicantImportService imports;
  private final ApplicantRepository applicants;

  ApplicantController(SessionAccess access, ApplicantImportService imports, ApplicantRepository applicants, SessionUploads uploads) {
    this.uploads = uploads;
    this.access = access;
    this.imports = imports;
    this.applicants = applicants;
  }

  /** A JSON array, or a multipart field {@code file} with .xlsx or .json. Replaces the whole list. */
  @PostMapping
  public Imported replace(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Imported(uploads.accept(session, "applicants", request,
        file -> imports.replace(session, file, access.userId())));
  }

  @GetMapping
  public List<Applicant> list(@PathVariable String code) {
    return applicants.list(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }
}
