package cn.gx.titlereview.platform.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs the system's own part of a user's request (evaluating a rule table, routing a complaint to the right process
 * instance) without the caller's engine authorizations, which are narrower on purpose, then restores them. Callers
 * check the user's rights to the request itself first.
 */
@Component
public class SystemAuthority {

  private final IdentityService identityService;

  public SystemAuthority(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> action) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
