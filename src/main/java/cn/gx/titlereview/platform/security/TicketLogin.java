package cn.gx.titlereview.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The door of a provincial ticket, {@code GET /sso/ticket?ticket=…}: the province's portal sends the person here, the
 * {@link ProvincialTicketExchange} turns the ticket into user-info, and the login goes on as an OIDC login does (the
 * same mapping, account, audit lines, browser session and session limits). Present only with such a bean.
 */
final class TicketLogin extends AbstractHttpConfigurer<TicketLogin, HttpSecurity> {

  static final String DOOR = "/sso/ticket";
  private static final String MEANS = "统一身份认证（票据）";

  private final ProvincialTicketExchange exchange;
  private final SingleSignOn singleSignOn;
  private final AuthenticationFailureHandler failure;

  TicketLogin(ProvincialTicketExchange exchange, SingleSignOn singleSignOn, AuthenticationFailureHandler failure) {
    this.exchange = exchange;
    this.singleSignOn = singleSignOn;
    this.failure = failure;
  }

  @Override
  public void configure(HttpSecurity http) {
    Door door = new Door();
    door.setSessionAuthenticationStrategy(http.getSharedObject(SessionAuthenticationStrategy.class));
    door.setSecurityContextRepository(http.getSharedObject(SecurityContextRepository.class));
    door.setAuthenticationFailureHandler(failure);
    http.addFilterBefore(postProcess(door), OAuth2LoginAuthenticationFilter.class);
  }

  private final class Door extends AbstractAuthenticationProcessingFilter {

    Door() {
      super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, DOOR));
      setAuthenticationManager(presented -> logIn(presented.getCredentials().toString()));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
      String ticket = request.getParameter("ticket");
      if (ticket == null || ticket.isBlank()) {
        SingleSignOnRefused refused = new SingleSignOnRefused(null,
            "缺少统一身份认证的票据（ticket），无法登录：请从统一身份认证门户重新进入");
        singleSignOn.refused(null, MEANS, refused.getMessage());
        throw refused;
      }
      return getAuthenticationManager().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(null, ticket));
    }
  }

  /** The ticket exchanged for user-info, and the user-info mapped as an OIDC provider's claims are. */
  private Authentication logIn(String ticket) {
    Map<String, Object> userInfo;
    try {
      userInfo = exchange.userInfo(ticket);
    } catch (AuthenticationException refused) {
      singleSignOn.refused(null, MEANS, "票据未通过核验：" + refused.getMessage());
      throw refused;
    } catch (RuntimeException broken) {
      singleSignOn.refused(null, MEANS, "无法核验票据：" + broken);
      throw new AuthenticationServiceException("统一身份认证暂时无法核验票据，请稍后重试", broken);
    }
    SingleSignOn.Login login = singleSignOn.logIn(userInfo, MEANS);
    return UsernamePasswordAuthenticationToken.authenticated(login.userId(), null, login.groups());
  }
}
