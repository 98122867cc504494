package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestClock;
import cn.gx.titlereview.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Account hygiene of the local login (docs/security.md, "Account hygiene"): the password rules at the engine's doors,
 * the demo's own password in the demo, the idle and the absolute timeout (clock moved), and three sessions per
 * account.
 */
@IntegrationTest
class AccountHygieneTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired PasswordRulesPlugin plugin;
  @Autowired AuditTrail audit;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void eachPasswordRuleRefusesInWordsAndAGoodPasswordPasses() {
    User user = identityService.newUser("wangwei");
    assertThat(plugin.rules().refusal("Gx-2026!", user)).contains("密码至少 10 位");
    assertThat(plugin.rules().refusal("guangxi-nanning", user))
        .contains("密码须含大写字母、小写字母、数字、其他符号中的至少三类");
    assertThat(plugin.rules().refusal("WangWei-2026!", user)).contains("密码不得包含账号名");
    assertThat(plugin.rules().refusal("Guangxi-2026!", user)).isEmpty();
    assertThat(plugin.rules().refusal("guangxi20261", user)).as("lower case and digits only").isPresent();
    assertThat(plugin.rules().refusal("guangxi 2026", user)).as("lower, digit, other").isEmpty();
  }

  @Test
  void theEngineRefusesABadPasswordAtEveryDoorAndTakesAGoodOne() {
    String id = "rules" + System.nanoTime() % 100_000;
    User weak = identityService.newUser(id);
    weak.setPassword("short1A!");
    assertThatThrownBy(() -> identityService.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();

    Api api = new Api(port);
    String create = "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"覃\",\"lastName\":\"新\"},"
        + "\"credentials\":{\"password\":\"%s\"}}";
    Reply refused = api.postJson("/engine-rest/user/create", "admin", create.formatted(id + "-Gx-2026"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("未保存：密码不得包含账号名");
    Reply inAdmin = WebappSession.logIn(port, "admin").post(WebappSession.ENGINE + "/user/create",
        create.formatted("Gx-2026!"));
    assertThat(inAdmin.body()).contains("未保存：密码至少 10 位");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    Reply created = api.postJson("/engine-rest/user/create", "admin", create.formatted("Guangxi-2026!"));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    assertThat(identityService.checkPassword(id, "Guangxi-2026!")).isTrue();
    Reply weakChange = api.putJson("/engine-rest/user/" + id + "/credentials", "admin",
        "{\"password\":\"guangxi-nanning\",\"authenticatedUserPassword\":\"admin\"}");
    assertThat(weakChange.body()).contains("未保存：密码须含大写字母、小写字母、数字、其他符号中的至少三类");
    assertThat(identityService.checkPassword(id, "Guangxi-2026!")).isTrue();

    // Admin shows the same rules while a password is typed.
    Reply policy = api.get("/engine-rest/identity/password-policy", "admin");
    assertThat(policy.body()).contains("PASSWORD_POLICY_LENGTH", "\"minLength\":\"10\"",
        "PASSWORD_POLICY_CHARACTER_CLASSES", "PASSWORD_POLICY_USER_DATA");
  }

  @Test
  void adminAndTheProfilePageSayEveryPasswordRuleInChinese() throws IOException {
    for (String app : List.of("admin", "welcome")) {
      String path = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json";
      JsonNode texts;
      try (InputStream in = getClass().getResourceAsStream(path)) {
        texts = new ObjectMapper().readTree(in).path("labels");
      }
      for (PasswordPolicyRule rule : plugin.rules().getRules()) {
        String text = texts.path(rule.getPlaceholder()).asText("");
        assertThat(text.replaceAll("\\{\\{\\w+}}", "")).as(app + " " + rule.getPlaceholder()).isNotBlank()
            .doesNotContainPattern("[A-Za-z]{4,}");
        rule.getParameters().keySet().forEach(p -> assertThat(text).contains("{{" + p + "}}"));
      }
    }
  }

  @Test
  void theDemoAccountsKeepTheirPasswordInTheDemo() {
    assertThat(WebappSession.logIn(port, "staff1").get("/api/calendar/2026").status()).isEqualTo(200);
  }

  @Test
  void anIdleSessionEndsAfterThirtyMinutesInTheSharedSessionTable() {
    WebappSession.logIn(port, "unithead2").get("/api/calendar/2026");
    assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'unithead2'")
        .query(Integer.class).list()).isNotEmpty().containsOnly(1800);
  }

  @Test
  void aLoginSessionEndsEightHoursAfterTheLoginHoweverActive() {
    clock.set("2026-12-07T08:00");
    WebappSession browser = WebappSession.logIn(port, "nn-approver1");
    clock.set("2026-12-07T15:59");
    assertThat(browser.get("/api/calendar/2026").status()).isEqualTo(200);
    clock.set("2026-12-07T16:00");
    Reply ended = browser.get("/api/calendar/2026");
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.body()).contains("登录已满 8 小时，为安全起见请重新登录");
    assertThat(browser.get("/api/calendar/2026").status()).as("the session is gone").isEqualTo(401);
    assertThat(logouts("nn-approver1")).contains("登录已满 8 小时，会话自动结束");

    // A page goes to the login page, which says why.
    clock.set("2026-12-08T08:00");
    WebappSession page = WebappSession.logIn(port, "nn-approver1");
    clock.set("2026-12-08T16:30");
    Reply redirect = page.get("/");
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).endsWith("/login?ended");
    assertThat(page.get("/login?ended").body()).contains("登录已满 8 小时，为安全起见请重新登录");
  }

  @Test
  void aFourthLoginOfOneAccountEndsItsOldestSession() {
    List<WebappSession> browsers = List.of(WebappSession.logIn(port, "gl-approver1"),
        WebappSession.logIn(port, "gl-approver1"), WebappSession.logIn(port, "gl-approver1"));
    browsers.forEach(browser -> assertThat(browser.get("/api/calendar/2026").status()).isEqualTo(200));
    WebappSession fourth = WebappSession.logIn(port, "gl-approver1");
    Reply oldest = browsers.get(0).get("/api/calendar/2026");
    assertThat(oldest.status()).isEqualTo(401);
    assertThat(oldest.body()).contains("此账号已在其他 3 处登录，本处的登录已结束");
    assertThat(browsers.get(1).get("/api/calendar/2026").status()).isEqualTo(200);
    assertThat(browsers.get(2).get("/api/calendar/2026").status()).isEqualTo(200);
    assertThat(fourth.get("/api/calendar/2026").status()).isEqualTo(200);
    assertThat(logouts("gl-approver1")).contains("同一账号同时登录超过 3 处，最早的登录会话被结束");
  }

  @Test
  void anAccountAnAdministratorCreatedMustChangeItsPasswordBeforeAnythingElse() {
    String id = "first" + System.nanoTime() % 100_000;
    Api api = new Api(port);
    assertThat(api.postJson("/engine-rest/user/create", "admin", "{\"profile\":{\"id\":\"" + id
        + "\",\"firstName\":\"覃\",\"lastName\":\"新\"},\"credentials\":{\"password\":\"Guangxi-2026!\"}}")
        .status()).isEqualTo(204);
    identityService.createMembership(id, Groups.STAFF);

    // HTTP Basic (systems) and a browser's calls are refused; its pages go to the change page.
    Reply basic = api.get("/api/calendar/2026", id + ":Guangxi-2026!");
    assertThat(basic.status()).isEqualTo(403);
    assertThat(basic.body()).contains("须先修改密码");
    assertThat(api.get("/engine-rest/task", id + ":Guangxi-2026!").status()).isEqualTo(403);
    WebappSession browser = WebappSession.logInWith(port, id, "Guangxi-2026!");
    assertThat(browser.get("/").header("Location")).endsWith("/password");
    assertThat(browser.get("/camunda/app/tasklist/default/").header("Location")).endsWith("/password");
    assertThat(browser.get("/api/calendar/2026").status()).isEqualTo(403);
    assertThat(browser.get("/password").body()).contains("此账号的密码由管理员设置");
    assertThat(audit.about(id)).anyMatch(entry -> entry.kind() == AuditKind.REFUSED);

    // Refused in words: a wrong current password, a weak new one; then the person's own password works everywhere.
    assertThat(browser.postForm("/password", "current", "wrong", "password", "Nanning-2027#", "repeated",
        "Nanning-2027#").body()).contains("当前密码不正确");
    assertThat(browser.postForm("/password", "current", "Guangxi-2026!", "password", "nanning", "repeated",
        "nanning").body()).contains("密码至少 10 位");
    Reply saved = browser.postForm("/password", "current", "Guangxi-2026!", "password", "Nanning-2027#",
        "repeated", "Nanning-2027#");
    assertThat(saved.status()).isEqualTo(302);
    assertThat(browser.get("/api/calendar/2026").status()).isEqualTo(200);
    assertThat(api.get("/api/calendar/2026", id + ":Nanning-2027#").status()).isEqualTo(200);

    // A reset by an administrator asks for a change again; a password the engine's start-up sets does not.
    assertThat(api.putJson("/engine-rest/user/" + id + "/credentials", "admin",
        "{\"password\":\"Liuzhou-2028$\",\"authenticatedUserPassword\":\"demo\"}").status()).isEqualTo(204);
    assertThat(api.get("/api/calendar/2026", id + ":Liuzhou-2028$").status()).isEqualTo(403);
    assertThat(api.get("/api/calendar/2026", "staff2").status()).isEqualTo(200);
  }

  private List<String> logouts(String user) {
    return audit.about(user).stream().filter(entry -> entry.kind() == AuditKind.LOGOUT).map(AuditEntry::detail)
        .toList();
  }
}
