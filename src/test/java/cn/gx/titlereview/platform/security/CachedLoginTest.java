package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The login with the verified-credential cache, on a clock the test moves: the user store is asked once per time to
 * live for the right password, every time for a wrong one, and the throttle keeps its rules either way.
 */
class CachedLoginTest {

  private final LoginThrottleTest.MovingClock clock = new LoginThrottleTest.MovingClock();
  private final IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottle.Settings(3, 20, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15)), clock);
  private final VerifiedCredentials cache = new VerifiedCredentials(new VerifiedCredentials.Settings(Duration.ofSeconds(60)), clock);
  private final IdentityServiceAuthenticationProvider login =
      new IdentityServiceAuthenticationProvider(identityService, throttle, cache,
          mock(cn.gx.titlereview.platform.audit.AuditTrail.class), mock(BootstrapAdministrator.class));

  @BeforeEach
  void store() {
    when(identityService.checkPassword(anyString(), anyString())).thenAnswer(
        call -> call.getArgument(1).equals("right"));
    when(identityService.createGroupQuery().groupMember("staff1").list()).thenReturn(List.of());
  }

  @Test
  void theRightPasswordIsCheckedOncePerTimeToLive() {
    for (int i = 0; i < 5; i++) {
      assertThat(authenticate("right").isAuthenticated()).isTrue();
    }
    verify(identityService, times(1)).checkPassword("staff1", "right");
    clock.advance(Duration.ofSeconds(61));
    authenticate("right");
    verify(identityService, times(2)).checkPassword("staff1", "right");
  }

  @Test
  void aWrongPasswordGoesToTheStoreEachTimeAndTheThrottleStillStopsTheRightOne() {
    authenticate("right");
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> authenticate("wrong")).isInstanceOf(BadCredentialsException.class);
    }
    verify(identityService, times(4)).checkPassword("staff1", "wrong");
    // Three failures are free; the fourth makes the account wait, and even the cached right password waits.
    assertThatThrownBy(() -> authenticate("right")).isInstanceOf(LoginThrottledException.class);
    clock.advance(Duration.ofSeconds(2));
    assertThat(authenticate("right").isAuthenticated()).isTrue();
    verify(identityService, times(1)).checkPassword("staff1", "right");
  }

  @Test
  void anIdentityChangeEmptiesTheCache() {
    authenticate("right");
    cache.clear();
    authenticate("right");
    verify(identityService, times(2)).checkPassword("staff1", "right");
    assertThat(cache.verified("staff1", "right")).isNotNull().isEmpty();
    assertThat(cache.verified("staff1", "Right")).isNull();
  }

  private Authentication authenticate(String password) {
    return login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("staff1", password));
  }
}
