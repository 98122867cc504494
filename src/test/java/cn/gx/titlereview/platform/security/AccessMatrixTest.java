package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.EngineDoor;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestData;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Who may do what on which session, through which door, in a region of two cities (docs/security.md): the accounts
 * of two units, two cities, the region's office and an industry department, against sessions of a committee of each
 * unit, through every endpoint family of {@code /engine-rest}, Tasklist's and Cockpit's API, {@code /api}, our pages
 * and the supervision view. The expected answer of each cell comes from {@link #expected}, computed from the region's
 * tree as this test writes it down ({@link #ORGANIZATION}, {@link #PARENT}, {@link #COMMITTEES}), apart from the
 * product's own code; the cells are generated, not written one by one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  /** What an organization is to a committee (监管方案 三（二）), as the test's own model of the rule. */
  enum Standing { ORGANISER, APPROVER, SUPERVISING_OFFICE, INDUSTRY }

  /** The two open tasks of each session: one offered to its staff, one to its unit's supervisors. */
  enum Offer { STAFF, SUPERVISOR }

  record Committee(String code, String organising, String approving, String industry) {
  }

  record Session(String code, Committee committee, String processInstanceId, List<String> staff,
      Map<Offer, String> tasks) {
  }

  record Cell(String user, String session, String door, String family, String expected, String actual) {
  }

  /** The demo region: each account's organization and its one role there. */
  static final Map<String, String> ORGANIZATION = Map.ofEntries(
      Map.entry("staff1", "GX-UNIT-A"), Map.entry("staff3", "GX-UNIT-A"), Map.entry("staff4", "GX-UNIT-A"),
      Map.entry("supervisor1", "GX-UNIT-A"), Map.entry("unithead1", "GX-UNIT-A"),
      Map.entry("staff2", "GX-UNIT-B"), Map.entry("staff5", "GX-UNIT-B"), Map.entry("supervisor2", "GX-UNIT-B"),
      Map.entry("unithead2", "GX-UNIT-B"), Map.entry("nn-approver1", "GX-NN"), Map.entry("gl-approver1", "GX-GL"),
      Map.entry("approver1", "GX"), Map.entry("depthead1", "GX-ZJT"));
  static final Map<String, String> ROLE = Map.ofEntries(
      Map.entry("staff1", "staff"), Map.entry("staff3", "staff"), Map.entry("staff4", "staff"),
      Map.entry("staff2", "staff"), Map.entry("staff5", "staff"), Map.entry("supervisor1", "supervisor"),
      Map.entry("supervisor2", "supervisor"), Map.entry("unithead1", "unitHead"), Map.entry("unithead2", "unitHead"),
      Map.entry("nn-approver1", "approver"), Map.entry("gl-approver1", "approver"), Map.entry("approver1", "approver"),
      Map.entry("depthead1", "deptHead"), Map.entry("admin", "camunda-admin"));
  static final Map<String, String> PARENT = Map.of("GX-NN", "GX", "GX-GL", "GX", "GX-ZJT", "GX",
      "GX-UNIT-A", "GX-NN", "GX-UNIT-B", "GX-GL");
  static final Set<String> OFFICES = Set.of("GX", "GX-NN", "GX-GL");
  static final Map<String, Committee> COMMITTEES = Map.of(
      "A", new Committee("GX-DEMO-A", "GX-UNIT-A", "GX-NN", "GX-ZJT"),
      "B", new Committee("GX-DEMO-B", "GX-UNIT-B", "GX-GL", null));

  static final List<String> USERS = List.of("anonymous", "staff1", "staff3", "staff4", "staff2", "staff5",
      "supervisor1", "supervisor2", "unithead1", "unithead2", "nn-approver1", "gl-approver1", "approver1", "depthead1",
      "admin");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired TaskDriver tasks;

  private Api api;
  private final List<Session> sessions = new ArrayList<>();

  @BeforeAll
  void sessionsOfBothUnitsEachWaitingAtAStaffAndASupervisorTask() {
    api = new Api(port);
    sessions.add(session("staff1", COMMITTEES.get("A")));
    sessions.add(session("staff3", COMMITTEES.get("A")));
    sessions.add(session("staff2", COMMITTEES.get("B")));
  }

  @Test
  void everyAccountGetsWhatItsOrganizationsStandingGivesItThroughEveryDoor() {
    List<Cell> cells = new ArrayList<>();
    List<EngineDoor> doors = List.of(EngineDoor.rest(api), EngineDoor.tasklist(api, port));
    for (String user : USERS) {
      for (Session session : sessions) {
        String as = user.equals("anonymous") ? null : user;
        for (EngineDoor door : doors) {
          for (Offer offer : Offer.values()) {
            String task = session.tasks().get(offer);
            String name = offer.name().toLowerCase();
            cells.add(cell(user, session, door, "task-list/" + name,
                visible(door.get(as, "/task?processInstanceBusinessKey=" + session.code()), task)));
            cells.add(cell(user, session, door, "task-variables/" + name, status(door.get(as, "/task/" + task
                + "/variables"))));
            cells.add(cell(user, session, door, "task-variable-write/" + name, status(door.put(as, "/task/" + task
                + "/variables/officialRosterTotal", "{\"value\": 1, \"type\": \"Integer\"}"))));
            Reply claim = door.post(as, "/task/" + task + "/claim", "{\"userId\": \"" + as + "\"}");
            if (claim.status() == 204) {
              Reply unclaim = door.post(as, "/task/" + task + "/unclaim", "{}");
              assertThat(unclaim.status()).as(user + " unclaims " + unclaim.body()).isEqualTo(204);
            }
            cells.add(cell(user, session, door, "claim/" + name, status(claim)));
            // Authorized users reach the form check (a required field is missing); others are refused before it.
            cells.add(cell(user, session, door, "complete/" + name, status(door.post(as, "/task/" + task
                + "/complete", "{\"variables\": {}}"))));
            cells.add(cell(user, session, door, "task-history/" + name,
                visible(door.get(as, "/history/task?processInstanceBusinessKey=" + session.code()), task)));
          }
          cells.add(cell(user, session, door, "instance-history", visible(door.get(as,
              "/history/process-instance?processInstanceBusinessKey=" + session.code()), session.processInstanceId())));
          cells.add(cell(user, session, door, "process-variables",
              status(door.get(as, "/process-instance/" + session.processInstanceId() + "/variables"))));
          cells.add(cell(user, session, door, "variable-history", visible(door.get(as,
              "/history/variable-instance?processInstanceId=" + session.processInstanceId()), "sessionCode")));
          cells.add(cell(user, session, door, "message", status(door.post(as, "/message",
              "{\"messageName\": \"Message_Probe\", \"businessKey\": \"" + session.code() + "\"}"))));
          cells.add(cell(user, session, door, "signal", status(door.post(as, "/signal",
              "{\"name\": \"Signal_Probe\"}"))));
        }
        cells.add(api(user, session, "api-read", api.get("/api/sessions/" + session.code() + "/gates", as)));
        cells.add(api(user, session, "draw", api.get("/api/sessions/" + session.code() + "/draw", as)));
        cells.add(api(user, session, "api-write", api.postJson("/api/sessions/" + session.code() + "/applicants", as,
            "[]")));
        cells.add(new Cell(user, session.code(), "page", "record-page", expected(user, session, "page", null),
            status(api.get("/sessions/" + session.code() + "/record", as))));
        cells.add(new Cell(user, session.code(), "page", "supervision-page", expected(user, session,
            "supervision-page", null), status(api.get("/supervision/sessions/" + session.code(), as))));
        Reply supervised = api.get("/api/supervision/sessions", as);
        cells.add(new Cell(user, session.code(), "api", "supervision-list", expected(user, session,
            "supervision-list", null), supervised.status() != 200 ? status(supervised)
            : supervised.body().contains("\"" + session.code() + "\"") ? "listed" : "unlisted"));
      }
    }
    Map<String, Integer> answers = new TreeMap<>();
    cells.forEach(c -> answers.merge(c.actual(), 1, Integer::sum));
    System.out.println("访问矩阵：" + cells.size() + " 格（" + USERS.size() + " 个账号，分属 2 个组建单位、2 个市职改办、自治区职改办和"
        + "行业主管部门 × " + sessions.size() + " 个评审会（2 个评委会）× 各入口），结果分布 " + answers);
    assertThat(cells).filteredOn(c -> !c.expected().equals(c.actual())).as("与访问模型不符的格").isEmpty();
    // Per user and session: 6 families per offer and 5 more through each of the 2 engine doors, then 6 others.
    assertThat(cells).hasSize(USERS.size() * sessions.size() * (2 * (Offer.values().length * 6 + 5) + 6));
  }

  /** The organization's standing towards the committee, from the tree as written above. */
  static Set<Standing> standing(String user, Committee committee) {
    String organization = ORGANIZATION.get(user);
    Set<Standing> standing = EnumSet.noneOf(Standing.class);
    if (organization == null) {
      return standing;
    }
    if (organization.equals(committee.organising())) {
      standing.add(Standing.ORGANISER);
    }
    if (organization.equals(committee.approving())) {
      standing.add(Standing.APPROVER);
    }
    if (OFFICES.contains(organization) && (above(organization, committee.organising())
        || above(organization, committee.approving()))) {
      standing.add(Standing.SUPERVISING_OFFICE);
    }
    if (organization.equals(committee.industry())) {
      standing.add(Standing.INDUSTRY);
    }
    return standing;
  }

  /** Whether {@code ancestor} is the organization or lies above it. */
  static boolean above(String ancestor, String organization) {
    for (String o = organization; o != null; o = PARENT.get(o)) {
      if (o.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** The access model: the answer a user gets for this kind of request on this session. */
  static String expected(String user, Session session, String family, Offer offer) {
    if (user.equals("anonymous")) {
      return family.equals("page") || family.equals("supervision-page") ? "302" : "401";
    }
    String role = ROLE.get(user);
    boolean admin = role.equals("camunda-admin");
    Set<Standing> standing = standing(user, session.committee());
    boolean organiser = standing.contains(Standing.ORGANISER);
    boolean onStaff = organiser && session.staff().contains(user);
    // The organizations the committee's tenant is shared with: every one with a standing.
    boolean tenant = !standing.isEmpty();
    boolean supervising = (role.equals("approver") || role.equals("deptHead")) && tenant && !organiser;
    boolean mayWork = admin || offer == Offer.STAFF && role.equals("staff") && onStaff
        || offer == Offer.SUPERVISOR && role.equals("supervisor") && organiser;
    boolean reads = admin || role.equals("staff") && onStaff || organiser
        && (role.equals("supervisor") || role.equals("unitHead")) || supervising;
    return switch (family) {
      case "list" -> mayWork ? "visible" : "hidden";
      case "read" -> mayWork ? "200" : "403";
      case "claim" -> mayWork ? "204" : "403";
      case "complete" -> mayWork ? "400" : "403";
      case "write" -> admin ? "204" : "403";
      case "task-history" -> mayWork || admin || role.equals("approver") && tenant ? "visible" : "hidden";
      case "instance-history" -> admin || role.equals("approver") && tenant ? "visible" : "hidden";
      // A task's candidates read the history of its instance: the unit's supervisors are offered the complaint check.
      case "variable-history" -> admin || role.equals("approver") && tenant || role.equals("supervisor") && organiser
          ? "visible" : "hidden";
      case "process" -> admin || role.equals("approver") && tenant ? "200" : "403";
      case "message" -> admin ? "400" : "403";
      case "signal" -> admin ? "204" : "403";
      case "api-read", "page" -> reads ? "200" : "403";
      case "draw" -> admin || role.equals("staff") && onStaff || role.equals("supervisor") && organiser ? "200" : "403";
      case "api-write" -> admin || role.equals("staff") && onStaff ? "400" : "403";
      case "supervision-page" -> admin || supervising ? "200" : "403";
      case "supervision-list" -> admin || supervising ? "listed"
          : role.equals("approver") || role.equals("deptHead") ? "unlisted" : "403";
      default -> throw new IllegalArgumentException(family);
    };
  }

  private Cell cell(String user, Session session, EngineDoor door, String family, String actual) {
    String kind = family.contains("/") ? family.substring(0, family.indexOf('/')) : family;
    Offer offer = family.endsWith("/staff") ? Offer.STAFF : family.endsWith("/supervisor") ? Offer.SUPERVISOR : null;
    String modelFamily = switch (kind) {
      case "task-list" -> "list";
      case "task-variables" -> "read";
      case "task-variable-write" -> "write";
      case "process-variables" -> "process";
      default -> kind;
    };
    return new Cell(user, session.code(), door.name(), family, expected(user, session, modelFamily, offer), actual);
  }

  private static Cell api(String user, Session session, String family, Reply reply) {
    return new Cell(user, session.code(), "api", family, expected(user, session, family, null), status(reply));
  }

  private static String status(Reply reply) {
    return String.valueOf(reply.status());
  }

  /** Whether a list answer names the id; a refusal shows as its status. */
  private static String visible(Reply reply, String id) {
    return reply.status() != 200 ? String.valueOf(reply.status()) : reply.body().contains(id) ? "visible" : "hidden";
  }

  /**
   * A session of the committee started by the user alone: its eligibility check failed (nothing imported), so
   * 整改：资格审查 waits for its staff, and a complaint received outside publicity waits for its unit's supervisors
   * (核查公示期外信访件).
   */
  private Session session(String starter, Committee committee) {
    String code = "ACL-" + starter + "-" + System.nanoTime();
    Reply started = api.postJson("/api/sessions", starter, """
        {"sessionCode":"%s","committeeCode":"%s","level":"中级","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":""}"""
        .formatted(code, committee.code(), TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2)));
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
    return new Session(code, committee, processInstanceId, List.of(starter), Map.of(
        Offer.STAFF, open.apply("Task_RectifyEligibility").getId(),
        Offer.SUPERVISOR, open.apply("Task_VerifyLateComplaint").getId()));
  }
}
