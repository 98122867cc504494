package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.review.ReviewService.ReviewPlan;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}")
public class ReviewController {

  private final SessionAccess access;
  private final ReviewService reviewService;

  public ReviewController(SessionAccess access, ReviewService reviewService) {
    this.access = access;
    this.reviewService = reviewService;
  }

  /** Forms groups by specialty and assigns readers automatically; returns the stored plan for adjustment. */
  @PostMapping("/review-groups/auto")
  public ReviewPlan autoAssign(@PathVariable String code) {
    ReviewSession session = access.forStaff(code);
    ReviewPlan plan = reviewService.proposePlan(session);
    reviewService.applyPlan(session, plan);
    return plan;
  }

  /** Replaces groups and assignments with a plan adjusted by staff. */
  @PostMapping("/review-groups")
  public Map<String, Object> replace(@PathVariable String code, @RequestBody ReviewPlan plan) {
    reviewService.applyPlan(access.forStaff(code), plan);
    return Map.of("groups", plan.groups().size(), "assignments", plan.assignments().size());
  }

  @PostMapping("/votes")
  public Map<String, Object> votes(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return Map.of("recorded", reviewService.importVotes(session, UploadReader.read(request), access.userId()));
  }
}
