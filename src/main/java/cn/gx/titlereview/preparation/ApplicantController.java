package cn.gx.titlereview.preparation;

import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}/applicants")
class ApplicantController {

  private final SessionAccess access;
  private final ApplicantImportService imports;
  private final ApplicantRepository applicants;

  ApplicantController(SessionAccess access, ApplicantImportService imports, ApplicantRepository applicants) {
    this.access = access;
    this.imports = imports;
    this.applicants = applicants;
  }

  /** A JSON array, or a multipart field {@code file} with .xlsx or .json. Replaces the whole list. */
  @PostMapping
  public Map<String, Object> replace(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    int count = imports.replace(session, UploadReader.read(request), access.userId());
    return Map.of("imported", count);
  }

  @GetMapping
  public List<Applicant> list(@PathVariable String code) {
    return applicants.list(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }
}
