package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
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
  public static final String[] READERS = {Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER,
      Groups.DEPT_HEAD};

  private final RuntimeService runtimeService;
  private final SessionAccess access;
  private final CurrentUser currentUser;
  private final SessionRepository sessions;
  private final SessionStaffChanges staffChanges;

  public SessionController(RuntimeService runtimeService, SessionAccess access, CurrentUser currentUser,
      SessionRepository sessions, SessionStaffChanges staffChanges) {
    this.runtimeService = runtimeService;
    this.access = access;
    this.currentUser = currentUser;
    this.sessions = sessions;
    this.staffChanges = staffChanges;
  }

  /** Starts a session exactly as the Tasklist start form does: the same variables, the same checks. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Started start(@RequestBody Map<String, Object> form) {
    currentUser.requireAnyGroup(Groups.STAFF);
    Map<String, Object> variables = new HashMap<>(form);
    variables.keySet().retainAll(List.of("sessionCode", "committeeCode", "level", "reviewYear", "plannedReviewStart",
        "plannedReviewEnd", "staffUserIds"));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("TitleReviewSession", variables);
    return new Started(String.valueOf(form.get("sessionCode")), instance.getId());
  }

  /** The session started: its code and its process instance. */
  public record Started(String code, String processInstanceId) {
  }

  /** The staff list now, and every change to it. */
  public record StaffList(List<String> staff, List<SessionRepository.StaffChange> changes) {
  }

  /** The staff list after a change. */
  public record Staff(List<String> staff) {
  }

  @GetMapping("/{code}")
  public ReviewSession get(@PathVariable String code) {
    return access.forGroups(code, READERS);
  }

  public record StaffMember(String userId) {
  }

  @GetMapping("/{code}/staff")
  public StaffList staff(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, READERS);
    return new StaffList(sessions.staff(session.id()), sessions.staffChanges(session.id()));
  }

  /** A staff member joins while the session runs; the session's staff and administrators may add them. */
  @PostMapping("/{code}/staff")
  public Staff addStaff(@PathVariable String code, @RequestBody StaffMember member) {
    return new Staff(staffChanges.add(access.forStaff(code), member.userId()));
  }

  @DeleteMapping("/{code}/staff/{userId}")
  public Staff removeStaff(@PathVariable String code, @PathVariable String userId) {
    return new Staff(staffChanges.remove(access.forStaff(code), userId));
  }
}
