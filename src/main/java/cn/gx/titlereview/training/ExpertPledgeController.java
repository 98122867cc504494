package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}/expert-pledges")
public class ExpertPledgeController {

  private final SessionAccess access;
  private final ExpertPledgeService pledges;

  public ExpertPledgeController(SessionAccess access, ExpertPledgeService pledges) {
    this.access = access;
    this.pledges = pledges;
  }

  /** A JSON array of {@code {"expertCode": ...}}, or an .xlsx with the column 专家编号. */
  @PostMapping
  public Map<String, Object> record(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return Map.of("recorded", pledges.record(session, UploadReader.read(request), access.userId()));
  }
}
