package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.EngineDoor;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what on which session, through which door: every user of every group (and staff on and off the
 * session) against every endpoint family of {@code /api}, {@code /engine-rest} and Tasklist's API, on a session they
 * are on and one they are not. The expected answer of each cell comes from {@link #expected}, the access model the
 * docs/security.md states; the cells are generated, not written one by one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  /** A user's standing towards one session. */
  enum Role { ANONYMOUS, STAFF_ON, STAFF_OFF, SUPERVISOR, UNIT_HEAD, APPROVER, DEPT_HEAD, ADMIN }

  /** The two open tasks of each session: one offered to its staff, one to the supervisors. */
  enum Offer { STAFF, SUPERVISOR }

  record Session(String code, String processInstanceId, List<String> staff, Map<Offer, String> tasks) {
  }

  record Cell(String user, String session, String door, String family, Role role, String expected, String actual) {
  }

  private static final List<String> USERS = List.of("anonymous", "staff1", "staff2", "staff3", "supervisor1",
      "unithead1", "approver1", "depthead1", "admin");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired TaskDriver tasks;

  private Api api;
  private final List<Session> sessions = new ArrayList<>();

  @BeforeAll
  void twoSessionsEachWaitingAtAStaffAndASupervisorTask() {
    api = new Api(port);
    sessions.add(session("staff1"));
    sessions.add(session("staff3"));
  }

  @Test
  void everyUserGetsWhatTheAccessModelSaysThroughEveryDoor() {
    List<Cell> cells = new ArrayList<>();
    List<EngineDoor> doors = List.of(EngineDoor.rest(api), EngineDoor.tasklist(api, port));
    for (String user : USERS) {
      for (Session session : sessions) {
        Role role = role(user, session);
        String as = user.equals("anonymous") ? null : user;
        for (EngineDoor door : doors) {
          for (Offer offer : Offer.values()) {
            String task = session.tasks().get(offer);
            String name = offer.name().toLowerCase();
            cells.add(cell(user, session, door, "task-list/" + name, role, expected(role, "list", offer),
                visible(door.get(as, "/task?processInstanceBusinessKey=" + session.code()), task)));
            cells.add(cell(user, session, door, "task-variables/" + name, role, expected(role, "read", offer),
                status(door.get(as, "/task/" + task + "/variables"))));
            cells.add(cell(user, session, door, "task-variable-write/" + name, role, expected(role, "write", offer),
                status(door.put(as, "/task/" + task + "/variables/officialRosterTotal",
                    "{\"value\": 1, \"type\": \"Integer\"}"))));
            Reply claim = door.post(as, "/task/" + task + "/claim", "{\"userId\": \"" + as + "\"}");
            if (claim.status() == 204) {
              Reply unclaim = door.post(as, "/task/" + task + "/unclaim", "{}");
              assertThat(unclaim.status()).as(user + " unclaims " + unclaim.body()).isEqualTo(204);
            }
            cells.add(cell(user, session, door, "claim/" + name, role, expected(role, "claim", offer),
                status(claim)));
            // Authorized users reach the form check (a required field is missing); others are refused before it.
            cells.add(cell(user, session, door, "complete/" + name, role, expected(role, "complete", offer),
                status(door.post(as, "/task/" + task + "/complete", "{\"variables\": {}}"))));
            cells.add(cell(user, session, door, "history/" + name, role, expected(role, "history", offer),
                visible(door.get(as, "/history/task?processInstanceBusinessKey=" + session.code()), task)));
          }
          cells.add(cell(user, session, door, "process-variables", role, expected(role, "process", null),
              status(door.get(as, "/process-instance/" + session.processInstanceId() + "/variables"))));
          cells.add(cell(user, session, door, "message", role, expected(role, "message", null),
              status(door.post(as, "/message", "{\"messageName\": \"Message_Probe\", \"businessKey\": \""
                  + session.code() + "\"}"))));
          cells.add(cell(user, session, door, "signal", role, expected(role, "signal", null),
              status(door.post(as, "/signal", "{\"name\": \"Signal_Probe\"}"))));
        }
        cells.add(new Cell(user, session.code(), "api", "api-read", role, expected(role, "api-read", null),
            status(api.get("/api/sessions/" + session.code() + "/gates", as))));
        cells.add(new Cell(user, session.code(), "api", "api-write", role, expected(role, "api-write", null),
            status(api.postJson("/api/sessions/" + session.code() + "/applicants", as, "[]"))));
        cells.add(new Cell(user, session.code(), "page", "record-page", role, expected(role, "page", null),
            status(api.get("/sessions/" + session.code() + "/record", as))));
      }
    }
    Map<String, Integer> answers = new TreeMap<>();
    cells.forEach(c -> answers.merge(c.actual(), 1, Integer::sum));
    System.out.println("访问矩阵：" + cells.size() + " 格（" + USERS.size() + " 个账号 × " + sessions.size()
        + " 个评审会 × 各入口），结果分布 " + answers);
    assertThat(cells).filteredOn(c -> !c.expected().equals(c.actual())).as("与访问模型不符的格").isEmpty();
    assertThat(cells.size()).isGreaterThanOrEqualTo(500);
  }

  /** The access model: the answer a user with this role towards a session gets for this kind of request. */
  static String expected(Role role, String family, Offer offer) {
    boolean mayWork = role == Role.ADMIN || offer == Offer.STAFF && role == Role.STAFF_ON
        || offer == Offer.SUPERVISOR && role == Role.SUPERVISOR;
    if (role == Role.ANONYMOUS) {
      return family.equals("page") ? "302" : "401";
    }
    return switch (family) {
      case "list" -> mayWork ? "visible" : "hidden";
      case "read" -> mayWork ? "200" : "403";
      case "claim" -> mayWork ? "204" : "403";
      case "complete" -> mayWork ? "400" : "403";
      case "write" -> role == Role.ADMIN ? "204" : "403";
      case "history" -> mayWork || role == Role.APPROVER ? "visible" : "hidden";
      case "process" -> role == Role.ADMIN || role == Role.APPROVER ? "200" : "403";
      case "message" -> role == Role.ADMIN ? "400" : "403";
      case "signal" -> role == Role.ADMIN ? "204" : "403";
      case "api-read", "page" -> role == Role.STAFF_OFF || role == Role.DEPT_HEAD ? "403" : "200";
      case "api-write" -> role == Role.STAFF_ON || role == Role.ADMIN ? "400" : "403";
      default -> throw new IllegalArgumentException(family);
    };
  }

  private static Role role(String user, Session session) {
    return switch (user) {
      case "anonymous" -> Role.ANONYMOUS;
      case "supervisor1" -> Role.SUPERVISOR;
      case "unithead1" -> Role.UNIT_HEAD;
      case "approver1" -> Role.APPROVER;
      case "depthead1" -> Role.DEPT_HEAD;
      case "admin" -> Role.ADMIN;
      default -> session.staff().contains(user) ? Role.STAFF_ON : Role.STAFF_OFF;
    };
  }

  private Cell cell(String user, Session session, EngineDoor door, String family, Role role, String expected,
      String actual) {
    return new Cell(user, session.code(), door.name(), family, role, expected, actual);
  }

  private static String status(Reply reply) {
    return String.valueOf(reply.status());
  }

  /** Whether a list answer names the task; a refusal shows as its status. */
  private static String visible(Reply reply, String taskId) {
    return reply.status() != 200 ? String.valueOf(reply.status()) : reply.body().contains(taskId) ? "visible" : "hidden";
  }

  /**
   * A session started by the user alone: its eligibility check failed (nothing imported), so 整改：资格审查 waits for
   * its staff, and a complaint received outside publicity waits for the supervisors (核查公示期外信访件).
   */
  private Session session(String starter) {
    String code = "ACL-" + starter + "-" + System.nanoTime();
    Reply started = api.postJson("/api/sessions", starter, """
        {"sessionCode":"%s","committeeName":"广西工程系列高级职称评审委员会","level":"正高","series":"工程",
         "reviewYear":2026,"organisingUnit":"自治区人社厅","approvingUnit":"自治区职改办",
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":""}"""
        .formatted(code, TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2)));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    Function<String, Task> open = key -> taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(key).singleResult();
    tasks.as(starter, () -> {
      taskService.complete(open.apply("Task_ReviewEligibility").getId());
      return null;
    });
    tasks.runJobs();
    Reply complaint = api.postJson("/engine-rest/process-definition/key/RegisterComplaint/start", starter, """
        {"variables": {"complaintSessionCode": {"value": "%s"}, "complaintChannel": {"value": "电话"},
          "complaintContent": {"value": "来电反映评审组织问题"}}}""".formatted(code));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(200);
    String processInstanceId = started.body().replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
    return new Session(code, processInstanceId, List.of(starter), Map.of(
        Offer.STAFF, open.apply("Task_RectifyEligibility").getId(),
        Offer.SUPERVISOR, open.apply("Task_VerifyLateComplaint").getId()));
  }
}
