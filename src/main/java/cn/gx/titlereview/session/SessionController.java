package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.gate.GateResult;
import cn.gx.titlereview.platform.gate.GateResultRepository;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions")
public class SessionController {

  /** Who reads a session: its data, and the documents printed from it (publicity notices, results). */
  public static final String[] READERS = {Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER};

  private final RuntimeService runtimeService;
  private final SessionAccess access;
  private final CurrentUser currentUser;
  private final GateResultRepository gateResults;
  private final SessionRepository sessions;
  private final SessionStaffChanges staffChanges;
  private final Clock clock;

  public SessionController(RuntimeService runtimeService, SessionAccess access, CurrentUser currentUser,
      GateResultRepository gateResults, SessionRepository sessions, SessionStaffChanges staffChanges, Clock clock) {
    this.runtimeService = runtimeService;
    this.access = access;
    this.currentUser = currentUser;
    this.gateResults = gateResults;
    this.sessions = sessions;
    this.staffChanges = staffChanges;
    this.clock = clock;
  }

  /** Starts a session exactly as the Tasklist start form does: the same variables, the same checks. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> start(@RequestBody Map<String, Object> form) {
    currentUser.requireAnyGroup(Groups.STAFF);
    Map<String, Object> variables = new HashMap<>(form);
    variables.keySet().retainAll(List.of("sessionCode", "committeeName", "level", "series", "reviewYear",
        "organisingUnit", "approvingUnit", "selfManaged", "plannedReviewStart", "plannedReviewEnd", "staffUserIds"));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("TitleReviewSession", variables);
    return Map.of("code", String.valueOf(form.get("sessionCode")), "processInstanceId", instance.getId());
  }

  @GetMapping("/{code}")
  public ReviewSession get(@PathVariable String code) {
    return access.forGroups(code, READERS);
  }

  public record StaffMember(String userId) {
  }

  /** The staff list now, and every change to it. */
  @GetMapping("/{code}/staff")
  public Map<String, Object> staff(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, READERS);
    return Map.of("staff", sessions.staff(session.id()), "changes", sessions.staffChanges(session.id()));
  }

  /** A staff member joins while the session runs; the session's staff and administrators may add them. */
  @PostMapping("/{code}/staff")
  public Map<String, Object> addStaff(@PathVariable String code, @RequestBody StaffMember member) {
    return Map.of("staff", staffChanges.add(access.forStaff(code), member.userId()));
  }

  @DeleteMapping("/{code}/staff/{userId}")
  public Map<String, Object> removeStaff(@PathVariable String code, @PathVariable String userId) {
    return Map.of("staff", staffChanges.remove(access.forStaff(code), userId));
  }

  /** A change of the planned review days: the new days and why. */
  public record ReviewPlanChange(LocalDate plannedReviewStart, LocalDate plannedReviewEnd, String reason) {
  }

  /**
   * A review that really moved (postponed a day, say): the unit head re-plans the review days with a reason, before
   * the review gate has passed. The plan replaced stays on the record; the draw is still judged by the plan in force
   * when it was made.
   */
  @PostMapping("/{code}/review-plan")
  public Map<String, Object> replan(@PathVariable String code, @RequestBody ReviewPlanChange change) {
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
    GateResult review = gateResults.latest(session.id()).get("review");
    if (review != null && review.passed()) {
      throw BusinessException.conflict("评审会 " + code + " 的封闭评审合规检查已通过，评审日期不能再调整");
    }
    sessions.replan(session, change.plannedReviewStart(), change.plannedReviewEnd(), change.reason().trim(),
        access.userId(), clock.instant());
    return reviewPlan(code);
  }

  /** The planned review days and every change to them. */
  @GetMapping("/{code}/review-plan")
  public Map<String, Object> reviewPlan(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, READERS);
    return Map.of("plannedReviewStart", session.plannedReviewStart(), "plannedReviewEnd", session.plannedReviewEnd(),
        "changes", sessions.replans(session.id()));
  }

  /** Every gate result of the session, oldest first, with its violations. */
  @GetMapping("/{code}/gates")
  public List<GateResult> gates(@PathVariable String code) {
    return gateResults.history(access.forGroups(code, READERS).id());
  }
}
