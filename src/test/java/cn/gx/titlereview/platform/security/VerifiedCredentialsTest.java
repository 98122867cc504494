package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The verified-credential cache over real HTTP: a repeated password is recognised without the user store, a
 * different one is still refused and throttled, and a change of password or of groups counts at the next request.
 */
@IntegrationTest
class VerifiedCredentialsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  private Api api;

  @BeforeEach
  void user() {
    api = new Api(port);
    if (identityService.createUserQuery().userId("cached1").count() > 0) {
      identityService.deleteUser("cached1");
    }
    User user = identityService.newUser("cached1");
    user.setPassword("First-Pass-1");
    identityService.saveUser(user);
    identityService.createMembership("cached1", Groups.STAFF);
  }

  @Test
  void aPasswordCloseToTheCachedOneIsRefused() {
    assertThat(api.get("/engine-rest/task", "cached1:First-Pass-1").status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/task", "cached1:First-Pass-1").status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/task", "cached1:first-passwor").status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/task", "cached1:First-Pass-1 ").status()).isEqualTo(401);
  }

  @Test
  void aNewPasswordCountsAtTheNextRequestAndTheOldOneNoLonger() {
    assertThat(api.get("/engine-rest/task", "cached1:First-Pass-1").status()).isEqualTo(200);
    User user = identityService.createUserQuery().userId("cached1").singleResult();
    user.setPassword("Second-Pass-2");
    identityService.saveUser(user);
    assertThat(api.get("/engine-rest/task", "cached1:First-Pass-1").status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/task", "cached1:Second-Pass-2").status()).isEqualTo(200);
  }

  @Test
  void aChangeOfGroupsCountsAtTheNextRequest() {
    String start = "/api/sessions";
    assertThat(api.postJson(start, "cached1:First-Pass-1", "{}").status()).isEqualTo(400);
    identityService.deleteMembership("cached1", Groups.STAFF);
    assertThat(api.postJson(start, "cached1:First-Pass-1", "{}").status()).isEqualTo(403);
    identityService.createMembership("cached1", Groups.STAFF);
    assertThat(api.postJson(start, "cached1:First-Pass-1", "{}").status()).isEqualTo(400);
  }
}
