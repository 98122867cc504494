package cn.gx.titlereview.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The engine's bootstrap account ({@code camunda.bpm.admin-user}, group {@code camunda-admin}) sets the system up:
 * the region's office, the first three administrators. Outside the demo profile it is retired as soon as each of the
 * three administrators (system, security, audit: 三员分立) has an account: its logins are refused from then on, so no
 * single account can both act and hide it. The demo keeps it for the tour. Outside the demo the demo password is refused
 * too, so that an account left from a demo run cannot be used.
 */
@Component
class BootstrapAdministrator {

  private final IdentityService identityService;
  private final boolean demo;

  BootstrapAdministrator(IdentityService identityService, Environment environment) {
    this.identityService = identityService;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  /** The demo accounts' password: outside the demo it is refused at login, whatever account holds it. */
  boolean refusesDemoPassword(String password) {
    return !demo && "demo".equals(password);
  }

  /** Whether the bootstrap account is retired: outside the demo, once the three administrators exist. */
  boolean retired() {
    return !demo && Groups.ADMINISTRATORS.stream()
        .allMatch(group -> identityService.createUserQuery().memberOfGroup(group).count() > 0);
  }
}
