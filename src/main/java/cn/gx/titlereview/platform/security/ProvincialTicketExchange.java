package cn.gx.titlereview.platform.security;

import java.util.Map;

/**
 * A provincial identity service that speaks ticket → token → user-info rather than plain OIDC: the portal sends the
 * person to {@code /sso/ticket?ticket=…}; an implementation of this interface (one Spring bean, written for the
 * province's interface) exchanges the ticket for a token and the token for the person's user-info. The user-info is
 * then mapped exactly as an OIDC provider's claims are ({@code titlereview.sso.claims}, {@code titlereview.sso.roles}).
 * Without such a bean the ticket door does not exist. See docs/security.md, "单点登录 (OIDC)".
 */
public interface ProvincialTicketExchange {

  /**
   * The user-info of the person the ticket stands for, as claims (name → value; role values as a list or a
   * comma-separated string).
   *
   * @throws org.springframework.security.core.AuthenticationException when the province refuses the ticket (unknown,
   *     used, expired)
   */
  Map<String, Object> userInfo(String ticket);
}
