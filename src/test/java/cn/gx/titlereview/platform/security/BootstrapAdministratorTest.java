package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gx.titlereview.platform.audit.AuditTrail;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The bootstrap account retires outside the demo once the three administrators exist (三员分立): its password is then
 * refused; in the demo, or while one of the three is missing, it still logs in.
 */
class BootstrapAdministratorTest {

  private final IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  @Test
  void outsideTheDemoTheBootstrapAccountIsRefusedOnceEachOfTheThreeHasAnAccount() {
    threeExist(true);
    IdentityServiceAuthenticationProvider login = login(new BootstrapAdministrator(identityService, production()));
    assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "right")))
        .isInstanceOf(DisabledException.class).hasMessageContaining("初始管理员账号已停用");
    assertThat(login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("staff1", "right"))
        .isAuthenticated()).isTrue();
  }

  @Test
  void whileOneOfTheThreeIsMissingOrInTheDemoTheBootstrapAccountStillLogsIn() {
    threeExist(false);
    assertThat(new BootstrapAdministrator(identityService, production()).retired()).isFalse();
    assertThat(login(new BootstrapAdministrator(identityService, production()))
        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "right")).isAuthenticated()).isTrue();
    threeExist(true);
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThat(new BootstrapAdministrator(identityService, demo).retired()).isFalse();
    assertThat(new BootstrapAdministrator(identityService, production()).retired()).isTrue();
  }

  private void threeExist(boolean auditorToo) {
    when(identityService.createUserQuery().memberOfGroup(Groups.SYSTEM_ADMIN).count()).thenReturn(1L);
    when(identityService.createUserQuery().memberOfGroup(Groups.SECURITY_ADMIN).count()).thenReturn(1L);
    when(identityService.createUserQuery().memberOfGroup(Groups.AUDIT_ADMIN).count()).thenReturn(auditorToo ? 1L : 0L);
  }

  private IdentityServiceAuthenticationProvider login(BootstrapAdministrator bootstrap) {
    when(identityService.checkPassword(anyString(), anyString())).thenReturn(true);
    Group admin = mock(Group.class);
    when(admin.getId()).thenReturn(Groups.ADMIN);
    when(identityService.createGroupQuery().groupMember("admin").list()).thenReturn(List.of(admin));
    when(identityService.createGroupQuery().groupMember("staff1").list()).thenReturn(List.of());
    LoginThrottleTest.MovingClock clock = new LoginThrottleTest.MovingClock();
    return new IdentityServiceAuthenticationProvider(identityService, new LoginThrottle(
        new LoginThrottle.Settings(3, 20, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15)),
        clock), new VerifiedCredentials(new VerifiedCredentials.Settings(Duration.ofSeconds(60)), clock), mock(AuditTrail.class), bootstrap);
  }

  private static MockEnvironment production() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    return environment;
  }

  @Test
  void outsideTheDemoTheDemoPasswordIsRefusedEvenWhereTheStoreWouldTakeIt() {
    threeExist(false);
    IdentityServiceAuthenticationProvider login = login(new BootstrapAdministrator(identityService, production()));
    assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("staff1", "demo")))
        .isInstanceOf(DisabledException.class).hasMessageContaining("演示密码只能在演示环境使用");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThat(login(new BootstrapAdministrator(identityService, demo))
        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("staff1", "demo")).isAuthenticated()).isTrue();
  }
}
