package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.session.SessionRepository.Replan;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The planned review days of a session and every change to them (调整评审日期). */
@RestController
@RequestMapping("/api/sessions")
class ReviewPlanController {

  private final SessionAccess access;
  private final GateResultRepository gateResults;
  private final SessionRepository sessions;
  private final Clock clock;

  ReviewPlanController(SessionAccess access, GateResultRepository gateResults, SessionRepository sessions,
      Clock clock) {
    this.access = access;
    this.gateResults = gateResults;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** A change of the planned review days: the new days and why. */
  record ReviewPlanChange(LocalDate plannedReviewStart, LocalDate plannedReviewEnd, String reason) {
  }

  /** The plan in force and the plans it replaced. */
  record ReviewPlan(LocalDate plannedReviewStart, LocalDate plannedReviewEnd, List<Replan> changes) {
  }

  /**
   * A review that really moved (postponed a day, say): the unit head re-plans the review days with a reason, before
   * the review gate has passed. The plan replaced stays on the record; the draw is still judged by the plan in force
   * when it was made.
   */
  @PostMapping("/{code}/review-plan")
  ReviewPlan replan(@PathVariable String code, @RequestBody ReviewPlanChange change) {
    ReviewSession session = access.forWrite(code, Groups.UNIT_HEAD);
    if (change.plannedReviewStart() == null || change.plannedReviewEnd() == null) {
      throw BusinessException.badRequest("请填写计划评审开始日期 plannedReviewStart 和结束日期 plannedReviewEnd（yyyy-MM-dd）");
    }
    if (change.plannedReviewEnd().isBefore(change.plannedReviewStart())) {
      throw BusinessException.badRequest("计划评审结束日期（" + change.plannedReviewEnd() + "）早于开始日期（"
          + change.plannedReviewStart() + "）");
    }
    if (change.reason() == null || change.reason().isBlank()) {
      throw BusinessException.badRequest("请填写调整评审日期的理由 reason");
    }
    GateResult review = gateResults.latest(session.id()).get(ReviewGate.KEY);
    if (review != null && review.passed()) {
      throw BusinessException.conflict("评审会 " + code + " 的封闭评审合规检查已通过，评审日期不能再调整");
    }
    sessions.replan(session, change.plannedReviewStart(), change.plannedReviewEnd(), change.reason().trim(),
        access.userId(), clock.instant());
    return reviewPlan(code);
  }

  @GetMapping("/{code}/review-plan")
  ReviewPlan reviewPlan(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, SessionController.READERS);
    return new ReviewPlan(session.plannedReviewStart(), session.plannedReviewEnd(), sessions.replans(session.id()));
  }
}
