package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login over HTTP: failed passwords are throttled and logged but never lock an account for good (the waits are
 * shortened to a second by {@link IntegrationTest}); and the security headers on pages, API answers and the webapps.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginAndHeadersTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TestData data;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void manySpacedWrongPasswordsNeverLockAnAccountForGood(CapturedOutput output) throws Exception {
    User user = identityService.newUser("throttled" + System.nanoTime());
    user.setPassword("Right-2026!");
    identityService.saveUser(user);
    String wrong = user.getId() + ":wrong";
    int throttled = 0;
    // Twelve wrong passwords, each sent once the previous wait is over: more than Camunda's ten that lock for good.
    for (int failures = 0; failures < 12; ) {
      Reply reply = api.get("/api/calendar/2026", wrong);
      if (reply.status() == 429) {
        throttled++;
        assertThat(reply.body()).contains("登录失败次数过多，请", "秒后再试");
        Thread.sleep(Long.parseLong(reply.header("Retry-After")) * 1000);
        continue;
      }
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.body()).contains("用户名或密码错误");
      failures++;
    }
    assertThat(throttled).as("waits imposed").isPositive();
    assertThat(output).contains("LOGIN_FAILED account=" + user.getId(), "consecutive=12");
    // Right after the last failure the right password waits too; once the wait is over, it works.
    Reply waiting = api.get("/api/calendar/2026", user.getId() + ":Right-2026!");
    assertThat(waiting.status()).isEqualTo(429);
    Thread.sleep(Long.parseLong(waiting.header("Retry-After")) * 1000);
    assertThat(api.get("/api/calendar/2026", user.getId() + ":Right-2026!").status()).isNotIn(401, 429);
  }

  @Test
  void pagesAndApiAnswersCarryTheSecurityHeaders() {
    String code = data.session("正高").code();
    for (String path : new String[] {"/api/sessions/" + code, "/sessions/" + code + "/workspace",
        "/sessions/" + code + "/draw-record"}) {
      Reply reply = api.get(path, "staff1");
      assertThat(reply.status()).as(path).isEqualTo(200);
      assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(reply.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(reply.header("Content-Security-Policy")).as(path)
          .contains("frame-ancestors 'none'", "script-src 'self'", "object-src 'none'");
      assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(reply.header("Cache-Control")).as(path).contains("no-store");
    }
    Reply login = api.get("/login", null);
    assertThat(login.body()).contains("用户名", "密码", "登录");
    assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
    Reply tasklist = WebappSession.logIn(port, "staff1").get("/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.header("Content-Security-Policy")).contains("script-src 'nonce-");
  }

  @Test
  void anonymousBrowsersAreSentToTheLoginPageAndApiCallsGetAChineseAnswer() {
    Reply page = api.get("/camunda/app/tasklist/default/", null);
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/login");
    Reply call = api.get("/engine-rest/task", null);
    assertThat(call.status()).isEqualTo(401);
    assertThat(call.body()).contains("需要登录");
    assertThat(call.header("WWW-Authenticate")).as("never ask a browser for Basic credentials").isNull();
  }
}
