package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A login by single sign-on, whichever way it came: the claims are mapped ({@link ClaimMapping}), the account is made
 * to follow them ({@link SingleSignOnAccounts}), and the login or its refusal is an audit line and a log line, as a
 * local login's are. Answers the account's groups, which become the authorities as for a local login.
 */
@Component
class SingleSignOn {

  private static final Logger LOGIN_LOG = LoggerFactory.getLogger("cn.gx.titlereview.security.login");
  /** A bearer token is mapped once, then served from memory for this long (or until it expires, if sooner). */
  private static final Duration BEARER_MEMORY = Duration.ofMinutes(5);
  /** At most this many tokens are remembered (the least recently used go first). */
  private static final int MAX_TOKENS = 10_000;

  private final ClaimMapping mapping;
  private final SingleSignOnAccounts accounts;
  private final IdentityService identityService;
  private final AuditTrail audit;
  private final SingleSignOnSettings settings;
  private final Cache<String, Login> bearers;

  SingleSignOn(ClaimMapping mapping, SingleSignOnAccounts accounts, IdentityService identityService,
      AuditTrail audit, SingleSignOnSettings settings, Clock clock) {
    this.mapping = mapping;
    this.accounts = accounts;
    this.identityService = identityService;
    this.audit = audit;
    this.settings = settings;
    this.bearers = Caffeine.newBuilder().expireAfterWrite(BEARER_MEMORY).maximumSize(MAX_TOKENS)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
  }

  /**
   * The OIDC login's user: the provider's user, with the account id as its name and the account's engine groups as
   * its authorities, so that the engine, the webapps (container-based authentication) and our pages see the same
   * user as after a local login.
   */
  OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers() {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser user = provider.loadUser(request);
      Login login = logIn(user.getClaims(), "统一身份认证（OIDC）");
      return new DefaultOidcUser(login.groups(), user.getIdToken(), user.getUserInfo(), settings.claims().user());
    };
  }

  /**
   * A system's bearer token at {@code /api} or {@code /engine-rest}: the same mapping and account as a browser's login.
   * Each token is mapped (and its login recorded) once, not on every call; a new token with other claims changes the
   * account at its first call.
   */
  JwtAuthenticationToken bearer(Jwt token) {
    // The decoder has checked the signature, the issuer and the expiry already.
    Login login = bearers.get(token.getTokenValue(), value -> logIn(token.getClaims(), "访问令牌（bearer）"));
    return new JwtAuthenticationToken(token, login.groups(), login.userId());
  }

  /** The person's account id and groups; {@link SingleSignOnRefused} when they may not log in. */
  Login logIn(Map<String, Object> claims, String means) {
    ClaimedIdentity identity;
    try {
      identity = mapping.map(claims);
      accounts.follow(identity);
    } catch (SingleSignOnRefused refused) {
      refused(refused.userId(), means, refused.getMessage());
      throw refused;
    }
    List<GrantedAuthority> groups = IdentityServiceAuthenticationProvider.groups(identityService, identity.userId());
    audit.record(identity.userId(), AuditKind.LOGIN, identity.userId(), "以" + means + "登录");
    return new Login(identity.userId(), groups);
  }

  /** A refused single sign-on: one WARN line (as LOGIN_FAILED of the local login) and one audit line. */
  void refused(String userId, String means, String why) {
    LOGIN_LOG.warn("LOGIN_FAILED account={} means=sso reason={}", userId == null ? "-" : userId, why);
    String actor = userId == null ? "anonymous" : userId;
    audit.record(actor, AuditKind.LOGIN_FAILED, actor, means + "登录未成功：" + why);
  }

  record Login(String userId, List<GrantedAuthority> groups) {
  }
}
