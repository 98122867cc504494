package cn.gx.titlereview.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the Cockpit tabs read, without a browser: the session list for the definition tab (approvers and
 * administrators only), the script Cockpit loads, and a gate's incident that names the gate and its rules in Chinese.
 */
@IntegrationTest
class CockpitTabsApiTest {

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired TaskDriver tasks;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void theDefinitionTabListsSessionsByStageWithTheirFailingGatesForApproversOnly() throws Exception {
    String code = "COCKPIT-API-1";
    walk.start(code, "staff4,staff3");
    // Completed before any applicant was imported: the eligibility gate fails.
    walk.complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);

    Api api = new Api(port);
    Api.Reply reply = api.get("/api/supervision/sessions", "approver1");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode session = null;
    for (JsonNode s : new ObjectMapper().readTree(reply.body())) {
      if (code.equals(s.get("code").asText())) {
        session = s;
      }
    }
    assertThat(session).isNotNull();
    assertThat(session.get("stage").asText()).isEqualTo("评审准备");
    assertThat(session.get("failingGates").get(0).get("gateName").asText()).isEqualTo("合规检查：资格审查");
    assertThat(session.get("failingGates").get(0).get("violations").toString()).contains("尚未导入申报人员名单");
    assertThat(session.get("openRectifications").toString()).contains("整改：资格审查");
    assertThat(api.get("/api/supervision/sessions", "admin").status()).isEqualTo(200);
    assertThat(api.get("/api/supervision/sessions", "staff1").status()).isEqualTo(403);
    assertThat(api.get("/api/supervision/sessions", "supervisor1").body()).contains("无权");
  }

  @Test
  void cockpitLoadsTheTabsScript() throws Exception {
    WebappSession browser = WebappSession.logIn(port, "approver1");
    // The tabs are registered, and Cockpit is Chinese only like the other webapps.
    assertThat(browser.get("/camunda/app/cockpit/scripts/config.js").body()).contains("'scripts/session-tabs'",
        "availableLocales: ['zh']");
    Api.Reply script = browser.get("/camunda/app/cockpit/scripts/session-tabs.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("cockpit.processInstance.runtime.tab", "cockpit.processDefinition.runtime.tab",
        "/api/sessions/", "/api/supervision/sessions");
  }

  @Test
  void aGateThatCannotDecideBecomesAnIncidentNamingTheGateAndItsRulesInChinese() {
    String code = "COCKPIT-INCIDENT-1";
    walk.start(code, "staff4,staff3");
    walk.toRosterConfirmation(code);
    Task check = walk.openTask(code, "supervisor1", "Task_ConfirmRosterAndPresence");
    // Completed without running the gate's job, then the DMN's panel size is spoilt: the roster gate cannot decide.
    tasks.as("supervisor1", () -> {
      taskService.claim(check.getId(), "supervisor1");
      taskService.complete(check.getId(), TaskDriver.vars("officialRosterTotal", 240, "supervisorPresentAtDraw", "yes"));
      return null;
    });
    Job gate = managementService.createJobQuery().processInstanceId(check.getProcessInstanceId()).singleResult();
    runtimeService.setVariable(gate.getExecutionId(), "panelSize", "二十五");
    managementService.setJobRetries(gate.getId(), 1);
    assertThatThrownBy(() -> managementService.executeJob(gate.getId())).hasMessageContaining("合规检查：名册与监督");

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(check.getProcessInstanceId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_CheckRosterGate");
    assertThat(incident.getIncidentMessage()).startsWith("合规检查：名册与监督（gateKey roster，规则版本 ")
        .contains("评审会 " + code + " 停在此处", "流程变量 panelSize 缺失或不是数字", "这不是违规结论")
        .doesNotContain("Exception", "at cn.gx");
  }
}
