package cn.gx.titlereview.workflow.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.EngineDoor;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestRegion;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each rule of separation of duties refuses the claim and the completion at the task, through {@code /engine-rest}
 * and through Tasklist's API, with the same Chinese message as {@code /api}; the task stays as it was.
 */
@IntegrationTest
class SeparationOfDutiesTest {

  @LocalServerPort int port;
  @Autowired TestRegion region;
  @Autowired SessionWalk walk;
  @Autowired SessionRepository sessions;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"engine-rest", "tasklist"})
  void whoEnteredTheVotesMayNotRecheckThemAndNobodyDoesBothRechecks(String doorName) {
    EngineDoor door = door(doorName);
    String code = "SOD-RC-" + doorName + "-" + System.nanoTime();
    walk.start(code, "staff4,staff3");
    walk.toFirstRecheck(code);
    String first = walk.openTask(code, "staff1", "Task_FirstRecheck").getId();
    String entrant = "staff3 录入了本评审会的表决结果，不能复核";
    assertRefused(door.post("staff3", "/task/" + first + "/claim", "{\"userId\": \"staff3\"}"), entrant);
    assertRefused(door.post("staff3", "/task/" + first + "/complete", "{\"variables\": {}}"), entrant);
    // Handing the task to the vote entrant is the same as their claiming it.
    assertRefused(door.post("staff1", "/task/" + first + "/assignee", "{\"userId\": \"staff3\"}"), entrant);
    assertThat(taskService.createTaskQuery().taskId(first).singleResult().getAssignee()).isNull();
    // /api refuses the vote entrant's findings with the same words.
    Reply findings = api.postJson("/api/sessions/" + code + "/recheck-findings?round=1", "staff3", "[]");
    assertThat(findings.status()).isEqualTo(409);
    assertThat(findings.body()).contains(entrant);

    walk.fill(code, "staff1");
    walk.complete(code, "staff1", "Task_FirstRecheck", "recheckMode", "cross", "recheckUnit", "柳州市人社局",
        "firstRecheckDone", true);
    String second = walk.openTask(code, "staff4", "Task_SecondRecheck").getId();
    String both = "双人复核须由两人分别进行：staff1 已做过第一人复核，不能再做第二人复核";
    assertRefused(door.post("staff1", "/task/" + second + "/claim", "{\"userId\": \"staff1\"}"), both);
    assertRefused(door.post("staff1", "/task/" + second + "/submit-form",
        "{\"variables\": {\"secondRecheckDone\": {\"value\": true}}}"), both);
    assertThat(api.postJson("/api/sessions/" + code + "/recheck-findings?round=2", "staff1", "[]").body()).contains(both);
    assertThat(taskService.createTaskQuery().taskId(second).count()).isOne();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"engine-rest", "tasklist"})
  void theSessionsOwnStaffMayNotConfirmThePresenceOrTheCommitment(String doorName) {
    EngineDoor door = door(doorName);
    String code = "SOD-DR-" + doorName + "-" + System.nanoTime();
    ReviewSession session = walk.start(code, "staff4");
    walk.toRosterConfirmation(code);
    dualRole(session, "staffsupervisor2");
    String presence = walk.openTask(code, "supervisor1", "Task_ConfirmRosterAndPresence").getId();
    String own = "账号 staffsupervisor2 是评审会 " + code + " 的工作人员，不能监督本人经办的抽取";
    assertRefused(door.post("staffsupervisor2", "/task/" + presence + "/claim",
        "{\"userId\": \"staffsupervisor2\"}"), own);
    assertRefused(door.post("staffsupervisor2", "/task/" + presence + "/submit-form", """
        {"variables": {"officialRosterTotal": {"value": 240}, "supervisorPresentAtDraw": {"value": "yes"}}}"""), own);
    assertThat(taskService.createTaskQuery().taskId(presence).singleResult().getAssignee()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"engine-rest", "tasklist"})
  void aStaffMemberSignsOnlyTheirOwnPledgeAndTasksGoOnlyToThoseTheyAreOfferedTo(String doorName) {
    EngineDoor door = door(doorName);
    String code = "SOD-PL-" + doorName + "-" + System.nanoTime();
    walk.start(code, "staff4");
    walk.toRosterConfirmation(code);
    // The eligibility is done; before the pledges, a staff task is only ever handed to the session's staff.
    String roster = walk.openTask(code, "supervisor1", "Task_ConfirmRosterAndPresence").getId();
    assertRefused(door.post("supervisor1", "/task/" + roster + "/claim", "{\"userId\": \"staff3\"}"),
        "账号 staff3 不是任务“监督员核对名册总数并到场监督”的办理人");
    walk.complete(code, "supervisor1", "Task_ConfirmRosterAndPresence", "officialRosterTotal", 240,
        "supervisorPresentAtDraw", "yes");
    walk.complete(code, "supervisor1", "Task_ConfirmDrawCommitment", "drawPhrase", "公平公正，随机抽取");
    walk.fill(code, "staff1");
    walk.complete(code, "staff1", "Task_RecordExpertResponses", "expertResponsesRecorded", true);
    String staff4Pledge = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("Task_SignStaffPledge").taskAssignee("staff4").singleResult().getId();
    // Not even an administrator can hand one person's pledge to another.
    assertRefused(door.post("admin", "/task/" + staff4Pledge + "/assignee", "{\"userId\": \"staff1\"}"),
        "承诺书须由本人签署：此任务属于 staff4，当前账号为 staff1");
    Reply other = door.post("staff1", "/task/" + staff4Pledge + "/submit-form",
        "{\"variables\": {\"pledgeConfirmed\": {\"value\": true}}}");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body()).contains("无权执行此操作");
    assertThat(taskService.createTaskQuery().taskId(staff4Pledge).singleResult().getAssignee()).isEqualTo("staff4");
  }

  private EngineDoor door(String name) {
    return name.equals("tasklist") ? EngineDoor.tasklist(api, port) : EngineDoor.rest(api);
  }

  private void dualRole(ReviewSession session, String user) {
    if (identityService.createUserQuery().userId(user).count() == 0) {
      var account = identityService.newUser(user);
      account.setPassword("demo");
      // The demo's password, as the demo accounts have it (outside the password rules).
      ((IdentityServiceImpl) identityService).saveUser(account, true);
      region.account(user, "GX-UNIT-A", "工作人员、纪检监督员");
    }
    sessions.addStaff(session.id(), List.of(user));
  }

  private static void assertRefused(Reply reply, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains(message).doesNotContain("ENGINE-").doesNotContain("Exception while");
  }
}
