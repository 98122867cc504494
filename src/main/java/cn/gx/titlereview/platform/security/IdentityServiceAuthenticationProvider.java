package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the engine's identity service, the product's user store, for the login
 * page and for HTTP Basic alike. The user's groups become the authorities. With Camunda's LDAP identity provider
 * plugin configured, the same check goes to the directory; see docs/security.md on replacing it with single sign-on.
 * A password checked a moment ago is recognised by {@link VerifiedCredentials} without asking the store again.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  /** Failed logins are logged here at WARN, one line each starting LOGIN_FAILED, for alerting. */
  private static final Logger LOGIN_LOG = LoggerFactory.getLogger("cn.gx.titlereview.security.login");

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final VerifiedCredentials verified;
  private final AuditTrail audit;
  private final BootstrapAdministrator bootstrap;

  IdentityServiceAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      VerifiedCredentials verified, AuditTrail audit, BootstrapAdministrator bootstrap) {
    this.bootstrap = bootstrap;
    this.identityService = identityService;
    this.throttle = throttle;
    this.verified = verified;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    String user = login.getName();
    String address = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    try {
      throttle.check(user, address);
    } catch (LoginThrottledException e) {
      LOGIN_LOG.warn("LOGIN_THROTTLED account={} address={} retryAfterSeconds={}", user, address,
          e.retryAfterSeconds());
      audit.record(user, address, AuditKind.LOGIN_FAILED, user,
          "连续登录失败，暂停 " + e.retryAfterSeconds() + " 秒后方可再试");
      throw e;
    }
    Object password = login.getCredentials();
    if (password != null && bootstrap.refusesDemoPassword(password.toString())) {
      audit.record(user, address, AuditKind.LOGIN_FAILED, user, "使用演示密码，拒绝登录");
      throw new DisabledException("演示密码只能在演示环境使用：请联系安全管理员重设密码");
    }
    // The throttle is asked first, and a password this node verified a moment ago costs a keyed hash: only the very
    // same password is served from the cache, any other goes to the user store and counts as a failure there.
    List<GrantedAuthority> groups = password == null ? null : verified.verified(user, password.toString());
    if (groups == null) {
      if (password == null || !identityService.checkPassword(user, password.toString())) {
        int consecutive = throttle.failed(user, address);
        LOGIN_LOG.warn("LOGIN_FAILED account={} address={} consecutive={}", user, address, consecutive);
        audit.record(user, address, AuditKind.LOGIN_FAILED, user, "用户名或密码错误（连续第 " + consecutive + " 次）");
        throw new BadCredentialsException("用户名或密码错误");
      }
      groups = groups(identityService, user);
      verified.remember(user, password.toString(), groups);
      // A password checked against the user store is a login; the same password served again from the cache for
      // the next HTTP Basic calls is not another one.
      audit.record(user, address, AuditKind.LOGIN, user, "以账号和密码登录");
    }
    if (groups.stream().anyMatch(g -> Groups.ADMIN.equals(g.getAuthority())) && bootstrap.retired()) {
      audit.record(user, address, AuditKind.LOGIN_FAILED, user, "初始管理员账号已停用，拒绝登录");
      throw new DisabledException(
          "初始管理员账号已停用：系统管理员、安全管理员、安全审计员均已设立（三员分立），请以各自的账号登录");
    }
    throttle.succeeded(user);
    UsernamePasswordAuthenticationToken authenticated =
        UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    authenticated.setDetails(login.getDetails());
    return authenticated;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The user's engine groups as authorities, for every kind of login (local, single sign-on). */
  static List<GrantedAuthority> groups(IdentityService identityService, String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }
}
