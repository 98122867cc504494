package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.importing.ColumnWidths;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.Recorded;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.review.ReviewService.GroupPlan;
import cn.gx.titlereview.review.ReviewService.ReviewPlan;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionUploads;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions/{code}")
class ReviewController {

  private final SessionAccess access;
  private final SessionUploads uploads;
  private final ReviewService reviewService;
  private final RecusalService recusalService;
  private final RecusalRepository recusals;
  private final RecusalDeclarations declarations;
  private final RecusalReasons recusalReasons;
  private final DisciplineIncidents incidents;
  private final AttendanceService attendance;
  private final Clock clock;
  private final ReviewTimes reviewTimes;
  private final ColumnWidths widths;

  ReviewController(SessionAccess access, ReviewService reviewService, RecusalService recusalService,
      RecusalRepository recusals, RecusalDeclarations declarations, RecusalReasons recusalReasons,
      DisciplineIncidents incidents,
      AttendanceService attendance, Clock clock, ReviewTimes reviewTimes, ColumnWidths widths, SessionUploads uploads) {
    this.uploads = uploads;
    this.access = access;
    this.reviewService = reviewService;
    this.recusalService = recusalService;
    this.recusals = recusals;
    this.declarations = declarations;
    this.recusalReasons = recusalReasons;
    this.incidents = incidents;
    this.attendance = attendance;
    this.clock = clock;
    this.reviewTimes = reviewTimes;
    this.widths = widths;
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
  public PlanApplied replace(@PathVariable String code, @RequestBody ReviewPlan plan) {
    ReviewSession session = access.forStaff(code);
    checkShape(plan);
    reviewService.applyPlan(session, plan);
    return new PlanApplied(plan.groups().size(), plan.assignments() == null ? 0 : plan.assignments().size());
  }

  /** The plan now has this many groups and reader assignments. */
  public record PlanApplied(int groups, int assignments) {
  }

  /** What a plan sent by hand must be before its codes are looked up: groups, none empty, names that fit. */
  private void checkShape(ReviewPlan plan) {
    List<String> problems = new ArrayList<>();
    if (plan.groups() == null || plan.groups().isEmpty()) {
      problems.add("「groups」：评审方案至少应有一个评议组");
    } else {
      for (int i = 0; i < plan.groups().size(); i++) {
        GroupPlan group = plan.groups().get(i);
        String problem = group == null ? "应为评议组对象" : group.name() == null ? null
            : widths.problem(group.name(), "review_group.name");
        if (problem != null) {
          problems.add("groups 第 " + (i + 1) + " 组「name」：" + problem);
        }
      }
    }
    if (plan.assignments() != null && plan.assignments().contains(null)) {
      problems.add("「assignments」：每条分配应为对象");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
  }

  /** Recusals (回避) declared by experts or found by staff: 申报编号, 专家编号, 回避情形, 来源, 说明. */
  @PostMapping("/recusals")
  public Recorded recusals(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "recusals", request,
        file -> recusalService.record(session, file, access.userId())));
  }

  @GetMapping("/recusals")
  public List<RecusalRepository.Recusal> recusalList(@PathVariable String code) {
    return recusals.list(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR).id());
  }

  /**
   * 回避申报 the expert did not make himself: staff record why (专家编号, 未由本人申报的原因), so that the review gate
   * can tell a missing declaration from an explained one. An expert's own declaration is never overwritten.
   */
  @PostMapping("/recusal-declarations")
  public Recorded recusalDeclarations(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "recusal-declarations", request,
        file -> recusalReasons.record(session, file, access.userId())));
  }

  /** Every declaration: the expert's own (本人声明, with the number of conflicts) or staff's reason. */
  @GetMapping("/recusal-declarations")
  public List<RecusalDeclarations.Declaration> recusalDeclarationList(@PathVariable String code) {
    return List.copyOf(declarations.bySession(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR).id()).values());
  }

  public record Disposition(String description, String involved, String action) {
  }

  /** The supervisor's disposition of a discipline incident: what happened, who was involved, what was done. */
  @PostMapping("/discipline-incidents/{id}")
  public IncidentDisposed dispose(@PathVariable String code, @PathVariable long id,
      @RequestBody Disposition d) {
    ReviewSession session = access.forWrite(code, Groups.SUPERVISOR);
    if (blank(d.description()) || blank(d.involved()) || blank(d.action())) {
      throw BusinessException.badRequest("请填写事件经过 description、涉及人员 involved 和处理措施 action");
    }
    if (incidents.dispose(session.id(), id, d.description().trim(), d.involved().trim(), d.action().trim(),
        access.userId(), clock.instant()) == 0) {
      throw BusinessException.notFound("违纪事件 " + id + " 不属于评审会 " + code);
    }
    return new IncidentDisposed(id, true);
  }

  /** The incident was disposed of. */
  public record IncidentDisposed(long id, boolean disposed) {
  }

  @GetMapping("/discipline-incidents")
  public List<DisciplineIncidents.Incident> incidents(@PathVariable String code) {
    return incidents.list(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Attendance per expert: {@code event} TRAINING (评前培训) or REVIEW (评审与表决); columns 专家编号, 是否出席. */
  @PostMapping("/attendance")
  public Recorded attendance(@PathVariable String code, @RequestParam String event, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "attendance", request,
        file -> attendance.record(session, event, file, access.userId())));
  }

  @PostMapping("/votes")
  public Recorded votes(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "votes", request,
        file -> reviewService.importVotes(session, file, access.userId())));
  }

  /** Each review group's actual start and end (评议组, 开始时间, 结束时间); replaces the session's times. */
  @PostMapping("/review-times")
  public Recorded reviewTimes(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    return new Recorded(uploads.accept(session, "review-times", request,
        file -> reviewTimes.record(session, file, access.userId())));
  }

  /** The times, the minutes per applicant and the level's minimum: no names, so any of the four groups may read. */
  @GetMapping("/review-times")
  public ReviewTimes.Assessment reviewTimes(@PathVariable String code) {
    return reviewTimes.assess(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD,
        Groups.APPROVER));
  }
}
