package cn.gx.titlereview.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.EngineDoor;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only administrators move a running session to another model version, whichever door they use: our API, the
 * engine's REST API and the webapps' engine API (Cockpit, Tasklist). Everyone else gets 403 at each, anonymous callers
 * 401, and the session stays where it was.
 */
@IntegrationTest
class ModelMigrationApiTest {

  private static final String STAGE = "SessionPreparation";

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  @Test
  void everyoneButAdministratorsIsRefusedAtEveryDoorAndTheSessionStaysWhereItWas() {
    String code = "MIGRATION-REFUSED-1";
    walk.start(code, "staff4,staff3");
    ProcessInstance before = stage(code);
    Api api = new Api(port);
    List<EngineDoor> engineDoors = List.of(EngineDoor.rest(api), EngineDoor.tasklist(api, port));
    String execute = "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + before.getProcessDefinitionId()
        + "\", \"targetProcessDefinitionId\": \"" + before.getProcessDefinitionId() + "\", \"instructions\": []},"
        + " \"processInstanceIds\": [\"" + before.getId() + "\"]}";

    for (String user : List.of("staff1", "staff4", "supervisor1", "unithead1", "approver1", "depthead1")) {
      Api.Reply ours = api.postJson(migrationPath(code), user, "{}");
      assertThat(ours.status()).as(user + " at /api").isEqualTo(403);
      assertThat(ours.body()).contains("无权", "系统管理员");
      for (EngineDoor door : engineDoors) {
        assertThat(door.post(user, "/migration/execute", execute).status()).as(user + " at " + door.name())
            .isEqualTo(403);
        assertThat(door.post(user, "/migration/generate", "{}").status()).as(user + " at " + door.name())
            .isEqualTo(403);
      }
    }
    assertThat(api.postJson(migrationPath(code), null, "{}").status()).isEqualTo(401);
    assertThat(EngineDoor.rest(api).post(null, "/migration/execute", execute).status()).isEqualTo(401);
    assertThat(stage(code).getProcessDefinitionId()).isEqualTo(before.getProcessDefinitionId());
  }

  @Test
  void anAdministratorMovesAWaitingStageToItsNewVersionThroughOurApiAndBackThroughTheEnginesRestApi()
      throws Exception {
    String code = "MIGRATION-ADMIN-1";
    walk.start(code, "staff4,staff3");
    ProcessInstance before = stage(code);
    String taskId = taskService.createTaskQuery().processInstanceId(before.getId()).singleResult().getId();
    String deployment = deployChangedStage();
    try {
      ProcessDefinition changed = repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
          .singleResult();
      Api api = new Api(port);

      Api.Reply reply = api.postJson(migrationPath(code), "admin", "{}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      JsonNode result = json.readTree(reply.body());
      assertThat(result.get("toVersion").asInt()).isEqualTo(changed.getVersion());
      assertThat(result.get("processInstanceIds").get(0).asText()).isEqualTo(before.getId());
      assertThat(stage(code).getProcessDefinitionId()).isEqualTo(changed.getId());
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getProcessDefinitionId())
          .isEqualTo(changed.getId());
      // A second call has nothing left to move.
      assertThat(api.postJson(migrationPath(code), "admin", "{}").status()).isEqualTo(409);

      // The engine's own door, with a plan the engine generates: back to the version the session started with.
      EngineDoor rest = EngineDoor.rest(api);
      Api.Reply plan = rest.post("admin", "/migration/generate", "{\"sourceProcessDefinitionId\": \""
          + changed.getId() + "\", \"targetProcessDefinitionId\": \"" + before.getProcessDefinitionId()
          + "\", \"updateEventTriggers\": true}");
      assertThat(plan.status()).as(plan.body()).isEqualTo(200);
      Api.Reply back = rest.post("admin", "/migration/execute", "{\"migrationPlan\": " + plan.body()
          + ", \"processInstanceIds\": [\"" + before.getId() + "\"]}");
      assertThat(back.status()).as(back.body()).isEqualTo(204);
      assertThat(stage(code).getProcessDefinitionId()).isEqualTo(before.getProcessDefinitionId());
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNotNull();
    } finally {
      // No instance is left on the changed model, so it goes without taking anything with it.
      repositoryService.deleteDeployment(deployment, false);
    }
  }

  private ProcessInstance stage(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(STAGE).processInstanceBusinessKey(code)
        .singleResult();
  }

  private static String migrationPath(String code) {
    return "/api/admin/sessions/" + code + "/migrations/" + STAGE;
  }

  /** The preparation stage as a designer might change it: a task renamed. */
  private String deployChangedStage() throws IOException {
    String xml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/" + STAGE + ".bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(xml).contains("name=\"导入申报人员并审核资格\"");
    return repositoryService.createDeployment().name("changed " + STAGE)
        .addString(STAGE + ".bpmn", xml.replace("name=\"导入申报人员并审核资格\"", "name=\"导入申报人员并审核资格（修订）\""))
        .deploy().getId();
  }
}
