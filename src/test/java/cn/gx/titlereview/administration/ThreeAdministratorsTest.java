package cn.gx.titlereview.administration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.WebappSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 三员分立 (docs/audit.md): the system, security and audit administrators each do their own work and are refused the
 * other two's at every door — {@code /engine-rest}, the webapps (which applications they open, and Admin's engine
 * API), {@code /api} and our pages — and all three are refused the sessions' business data. The cells are generated
 * from the list of each administrator's doors below: the owner passes, the other two get 403.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeAdministratorsTest {

  /** The three administrators' demo accounts, by the work that is theirs. */
  static final Map<String, String> ACCOUNTS = Map.of("系统管理", "sysadmin1", "安全管理", "secadmin1",
      "安全审计", "auditor1");

  /** One door to one administrator's work: how an account goes through it, answering the HTTP status. */
  record Door(String duty, String name, BiFunction<String, Integer, Integer> call) {
  }

  record Cell(String account, String door, String expected, int status) {
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired SessionRepository sessions;
  @Autowired cn.gx.titlereview.support.TestRegion region;

  private Api api;
  private final List<String> created = new ArrayList<>();

  @BeforeAll
  void connect() {
    api = new Api(port);
  }

  @AfterAll
  void cleanUp() {
    created.forEach(identityService::deleteUser);
    repositoryService.createDeploymentQuery().deploymentName("三员分立测试").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  List<Door> doors() {
    return List.of(
        new Door("系统管理", "/engine-rest 部署流程模型", (user, n) -> api.postFile(
            "/engine-rest/deployment/create?deployment-name=" + "%E4%B8%89%E5%91%98%E5%88%86%E7%AB%8B%E6%B5%8B%E8%AF%95",
            user, "matrix-probe-" + n + ".form", ("{\"id\":\"matrixProbe" + n + "\",\"type\":\"default\","
                + "\"components\":[]}").getBytes(StandardCharsets.UTF_8)).status()),
        new Door("系统管理", "/engine-rest 生成迁移计划", (user, n) -> api.postJson("/engine-rest/migration/generate",
            user, "{}").status()),
        new Door("系统管理", "/api 迁移评审会的流程", (user, n) -> api.postJson(
            "/api/admin/sessions/NO-SUCH-SESSION/migrations/SealedReview", user, "{}").status()),
        new Door("系统管理", "/api 工作日历", (user, n) -> api.putJson("/api/calendar/2099", user, "{}").status()),
        new Door("系统管理", "页面 工作日历", (user, n) -> api.get("/calendar", user).status()),
        new Door("系统管理", "运行指标", (user, n) -> api.get("/actuator/metrics", user).status()),
        new Door("系统管理", "打开 Cockpit", (user, n) -> opens(user, "cockpit")),
        new Door("安全管理", "/engine-rest 新建账号", (user, n) -> api.postJson("/engine-rest/user/create", user,
            "{\"profile\":{\"id\":\"" + account("rest", n) + "\",\"firstName\":\"测\",\"lastName\":\"试\"},"
                + "\"credentials\":{\"password\":\"Guangxi-2026!\"}}").status()),
        new Door("安全管理", "/engine-rest 调整用户组", (user, n) -> api.putJson("/engine-rest/group/monitoring/members/"
            + existing(n), user, "{}").status()),
        new Door("安全管理", "/api 账号与所属单位", (user, n) -> api.get("/api/accounts", user).status()),
        new Door("安全管理", "页面 账号与所属单位", (user, n) -> api.get("/region/accounts", user).status()),
        new Door("安全管理", "打开 Admin", (user, n) -> opens(user, "admin")),
        new Door("安全管理", "Admin 新建账号", (user, n) -> WebappSession.logIn(port, user)
            .post(WebappSession.ENGINE + "/user/create", "{\"profile\":{\"id\":\"" + account("admin", n)
                + "\"},\"credentials\":{\"password\":\"Guangxi-2026!\"}}").status()),
        new Door("安全审计", "/api 查询审计记录", (user, n) -> api.get("/api/audit?kind=LOGIN", user).status()),
        new Door("安全审计", "/api 导出审计记录", (user, n) -> api.get("/api/audit/export", user).status()),
        new Door("安全审计", "/api 校验审计记录链", (user, n) -> api.get("/api/audit/chain", user).status()),
        new Door("安全审计", "页面 审计记录", (user, n) -> api.get("/audit", user).status()));
  }

  @Test
  void eachAdministratorIsRefusedTheOtherTwosWorkAtEveryDoor() {
    List<Cell> wrong = new ArrayList<>();
    int cells = 0;
    int n = 0;
    for (Door door : doors()) {
      for (Map.Entry<String, String> administrator : ACCOUNTS.entrySet()) {
        boolean own = administrator.getKey().equals(door.duty());
        int status = door.call().apply(administrator.getValue(), ++n);
        cells++;
        if (own ? status == 401 || status == 403 : status != 403) {
          wrong.add(new Cell(administrator.getValue(), door.duty() + "：" + door.name(), own ? "通过" : "403", status));
        }
      }
    }
    assertThat(cells).isEqualTo(doors().size() * 3);
    assertThat(wrong).as("三员分立矩阵中不符的格").isEmpty();
  }

  @Test
  void noAdministratorReadsASessionsBusinessData() {
    String code = startSession();
    for (String administrator : ACCOUNTS.values()) {
      assertThat(api.get("/api/sessions/" + code, administrator).status()).as(administrator).isEqualTo(403);
      assertThat(api.get("/api/sessions/" + code + "/draw", administrator).status()).as(administrator)
          .isEqualTo(403);
      assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + code, administrator).body())
          .as(administrator).isEqualTo("[]");
      assertThat(api.get("/engine-rest/history/user-operation", administrator).body()).as(administrator)
          .isEqualTo("[]");
    }
  }

  @Test
  void noRoleGrantsItselfAnotherAndNoAccountHoldsTwoOfTheThreeOrOneBesideABusinessRole() {
    Reply self = api.putJson("/engine-rest/group/systemAdmin/members/secadmin1", "secadmin1", "{}");
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.body()).contains("不能为本人账号 secadmin1", "任何角色不能给自己授权");
    Reply twoOfThree = api.putJson("/engine-rest/group/systemAdmin/members/auditor1", "secadmin1", "{}");
    assertThat(twoOfThree.body()).contains("三员分立：账号 auditor1 已属于“安全审计员”，不能再加入“系统管理员”");
    Reply business = api.putJson("/engine-rest/group/auditAdmin/members/staff1", "secadmin1", "{}");
    assertThat(business.body()).contains("三员分立：账号 staff1 已属于“工作人员”");
    Reply bootstrap = api.putJson("/engine-rest/group/camunda-admin/members/" + existing(0), "secadmin1", "{}");
    assertThat(bootstrap.body()).contains("初始管理员组");
    Reply ownRow = api.postFile("/api/accounts", "secadmin1", "accounts.json",
        "[{\"userId\":\"secadmin1\",\"organizationCode\":\"GX\",\"roles\":\"工作人员\"}]"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(ownRow.body()).contains("不能修改本人账号的所属单位和角色");
    assertThat(identityService.createUserQuery().memberOfGroup("systemAdmin").userId("secadmin1").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup("auditAdmin").userId("staff1").count()).isZero();
  }

  @Test
  void aClosedSessionsVariablesAreRefusedToEveryoneAtTheEngineDoorAndAnOpenOnesAreNot() {
    String code = startSession();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("TitleReviewSession").singleResult().getId();
    String variable = "/process-instance/" + instance + "/variables/auditProbe";
    String value = "{\"value\":\"x\",\"type\":\"String\"}";
    assertThat(api.putJson("/engine-rest" + variable, "sysadmin1", value).status()).isEqualTo(204);

    ReviewSession session = sessions.getByCode(code);
    sessions.close(session.id(), SessionRepository.Closure.CONFIRMED, "approver1", Instant.now());
    for (String user : List.of("sysadmin1", "admin")) {
      Reply refused = api.putJson("/engine-rest" + variable, user, value);
      assertThat(refused.status()).as(user).isEqualTo(400);
      assertThat(refused.body()).contains("不能修改流程变量：评审结果已确认，不得修改");
    }
    Reply cockpit = WebappSession.logIn(port, "sysadmin1").put(WebappSession.ENGINE + variable, value);
    assertThat(cockpit.status()).isEqualTo(400);
    assertThat(cockpit.body()).contains("评审结果已确认");
    assertThat(api.delete("/engine-rest" + variable, "admin").status()).isEqualTo(400);
    assertThat(runtimeService.getVariable(instance, "auditProbe")).isEqualTo("x");
  }

  /** The webapp's page answers 403 to an account without the application's access. */
  private int opens(String user, String app) {
    return WebappSession.logIn(port, user).get("/camunda/app/" + app + "/default/").status();
  }

  private String account(String door, int n) {
    String id = "matrix-" + door + "-" + n + "-" + System.nanoTime() % 100000;
    created.add(id);
    return id;
  }

  /** An account without any role, for the membership doors. */
  private String existing(int n) {
    String id = "matrix-member-" + n + "-" + System.nanoTime() % 100000;
    User user = identityService.newUser(id);
    user.setPassword("Guangxi-2026!");
    identityService.saveUser(user);
    created.add(id);
    return id;
  }

  private String startSession() {
    String code = "THREE-" + System.nanoTime() % 1000000;
    Reply reply = api.postJson("/api/sessions", "staff1", """
        {"sessionCode":"%s","committeeCode":"IT-SENIOR","level":"正高","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":""}"""
        .formatted(code, TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return code;
  }
}
