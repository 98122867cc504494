package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.training.PledgeRepository;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff list that changes while the session runs: the rights on its tasks, and its pledges, follow each change. */
@IntegrationTest
class StaffChangeTest {

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired TaskService taskService;
  @Autowired SessionRepository sessions;
  @Autowired PledgeRepository pledges;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void aMemberWhoJoinsGetsTheOpenTasksAndOneWhoLeavesLosesThem() {
    String code = "STAFF-" + System.nanoTime();
    walk.start(code, "");
    String tasks = "/engine-rest/task?processInstanceBusinessKey=" + code;
    String task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
    assertThat(api.get(tasks, "staff4").body()).doesNotContain(task);
    assertThat(api.get("/api/sessions/" + code, "staff4").status()).isEqualTo(403);

    Reply joined = api.postJson("/api/sessions/" + code + "/staff", "staff1", "{\"userId\": \"staff4\"}");
    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    assertThat(joined.body()).contains("staff1", "staff4");
    assertThat(api.get(tasks, "staff4").body()).contains(task);
    assertThat(api.get("/api/sessions/" + code, "staff4").status()).isEqualTo(200);

    assertThat(api.postJson("/engine-rest/task/" + task + "/claim", "staff1", "{\"userId\": \"staff1\"}").status())
        .isEqualTo(204);
    Reply left = api.delete("/api/sessions/" + code + "/staff/staff1", "staff4");
    assertThat(left.status()).as(left.body()).isEqualTo(200);
    // The task staff1 had claimed is free again, and nothing of the session is theirs any more.
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(api.get(tasks, "staff1").body()).doesNotContain(task);
    assertThat(api.get("/engine-rest/task/" + task + "/variables", "staff1").status()).isEqualTo(403);
    assertThat(api.postJson("/engine-rest/task/" + task + "/claim", "staff1", "{\"userId\": \"staff1\"}").status())
        .isEqualTo(403);
    assertThat(api.get("/api/sessions/" + code, "staff1").status()).isEqualTo(403);

    Reply last = api.delete("/api/sessions/" + code + "/staff/staff4", "staff4");
    assertThat(last.status()).isEqualTo(409);
    assertThat(last.body()).contains("至少须有一名工作人员");
    Reply notStaff = api.postJson("/api/sessions/" + code + "/staff", "staff4", "{\"userId\": \"supervisor1\"}");
    assertThat(notStaff.status()).isEqualTo(400);
    assertThat(notStaff.body()).contains("不属于“工作人员”用户组");
    assertThat(api.get("/api/sessions/" + code + "/staff", "staff4").body())
        .contains("\"userId\":\"staff4\",\"change\":\"ADDED\",\"changedBy\":\"staff1\"")
        .contains("\"userId\":\"staff1\",\"change\":\"REMOVED\",\"changedBy\":\"staff4\"");
  }

  @Test
  void pledgesFollowTheListALeaverOwesNoneAndALateJoinerSignsTheirOwn() {
    String code = "STAFF-PL-" + System.nanoTime();
    ReviewSession session = walk.start(code, "staff4,staff3");
    walk.toRosterConfirmation(code);
    walk.complete(code, "supervisor1", "Task_ConfirmRosterAndPresence", "officialRosterTotal", 240,
        "supervisorPresentAtDraw", "yes");
    walk.complete(code, "supervisor1", "Task_ConfirmDrawCommitment", "drawPhrase", "公平公正，随机抽取");
    walk.fill(code, "staff1");
    walk.complete(code, "staff1", "Task_RecordExpertResponses", "expertResponsesRecorded", true);

    // staff3 leaves before signing: their pledge is withdrawn, and the two others' signatures end the round.
    assertThat(api.delete("/api/sessions/" + code + "/staff/staff3", "staff1").status()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).taskAssignee("staff3").count()).isZero();
    walk.completeAssigned(code, "staff1", "Task_SignStaffPledge", "pledgeConfirmed", true);
    walk.completeAssigned(code, "staff4", "Task_SignStaffPledge", "pledgeConfirmed", true);
    assertThat(walk.openTask(code, "staff1", "Task_RecordTrainingAndExpertPledges")).isNotNull();

    // staff3 comes back after the pledges were handed out: they get a pledge of their own to sign.
    assertThat(api.postJson("/api/sessions/" + code + "/staff", "staff1", "{\"userId\": \"staff3\"}").status())
        .isEqualTo(200);
    assertThat(pledges.staffWhoSigned(session.id())).containsExactlyInAnyOrder("staff1", "staff4");
    walk.completeAssigned(code, "staff3", "Task_SignStaffPledge", "pledgeConfirmed", true);
    assertThat(pledges.staffWhoSigned(session.id())).containsExactlyInAnyOrder("staff1", "staff4", "staff3");
  }
}
