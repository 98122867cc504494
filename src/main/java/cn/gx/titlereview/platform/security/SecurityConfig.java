package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * One login for everything, by Spring Security against the engine's users
 * ({@link IdentityServiceAuthenticationProvider}):
 * <ul>
 *   <li>our login page {@code /login} starts a browser session that Tasklist, Cockpit, Admin and our pages share
 *       (the webapps take the user over through Camunda's container-based authentication);</li>
 *   <li>{@code /api} and {@code /engine-rest} also accept HTTP Basic, sent with every request;</li>
 *   <li>failed logins are throttled ({@link LoginThrottle}) and logged; no account is ever locked for good;</li>
 *   <li>with {@code titlereview.sso.enabled}, the province's identity provider logs people in beside the local login
 *       (OIDC), and systems call {@code /api} and {@code /engine-rest} with its bearer tokens ({@link SingleSignOn}).</li>
 * </ul>
 * Two chains, because the webapps bring their own CSRF protection and content security policy: {@code /camunda/**}
 * keeps those, everything else gets ours.
 */
@Configuration
@EnableConfigurationProperties({LoginThrottle.Settings.class, AccountHygiene.class, SingleSignOnSettings.class})
class SecurityConfig {

  public static final String LOGIN_PAGE = "/login";

  /** Our pages load scripts and styles from this application only, and nobody may frame them. */
  static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * Engine messages and signals reach every instance the caller may update (the product sends its own); moving
   * running sessions to another model version is an administrator's decision (docs/designers.md): the system
   * administrator's work (三员分立), and the bootstrap account's.
   */
  private static final RequestMatcher ENGINE_OPERATIONS = new OrRequestMatcher(
      path("/engine-rest/message/**"), path("/engine-rest/signal/**"),
      path("/engine-rest/migration/**"), path("/camunda/api/engine/engine/*/migration/**"),
      path("/camunda/api/engine/engine/*/message/**"), path("/camunda/api/engine/engine/*/signal/**"));

  /**
   * Password checks would bypass the login throttle; a task's candidates are set by the model and the staff list, not
   * by hand: nobody's work but the bootstrap account's.
   */
  private static final RequestMatcher ADMIN_ONLY = new OrRequestMatcher(path("/engine-rest/identity/verify"),
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/engine-rest/task/*/identity-links/**"),
      path("/camunda/api/engine/engine/*/identity/verify"),
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
          "/camunda/api/engine/engine/*/task/*/identity-links/**"));

  private static final RequestMatcher MACHINE_CALLS = new OrRequestMatcher(path("/api/**"),
      path("/engine-rest/**"), path("/camunda/api/**"), path("/actuator/**"));

  /** The probes a load balancer or orchestrator calls without an account: up or down, no details. */
  private static final RequestMatcher HEALTH_PROBES = new OrRequestMatcher(path("/actuator/health"),
      path("/actuator/health/liveness"), path("/actuator/health/readiness"));

  private static final RequestMatcher STATIC_FILES = new OrRequestMatcher(path("/webjars/**"),
      path("/*.js"), path("/*.css"), path("/fonts/**"),
      path("/camunda/app/**"), path("/camunda/assets/**"),
      path("/camunda/lib/**"), path("/camunda/favicon.ico"));

  /**
   * What a login that must change its password first still reaches: the change page, the way out, the styles. Not
   * Tasklist's pages: they go to the change page.
   */
  private static final RequestMatcher PASSWORD_CHANGE_OPEN = new OrRequestMatcher(path(PasswordChangeFirst.PAGE),
      path("/logout"), path("/camunda/api/admin/auth/user/*/logout"), path(LOGIN_PAGE), path("/error"), path("/supervision.css"), path("/favicon.ico"),
      path("/fonts/**"), path("/webjars/**"), path("/*.js"), path("/*.css"));

  /**
   * The experts' one-time links (docs/experts.md): experts have no account, and the link's unguessable token is their
   * credential; a forged request from another site cannot know it, so the link's own form needs no CSRF token.
   */
  private static final RequestMatcher EXPERT_LINKS = path("/e/**");

  /** Where systems may call with a bearer token of the identity provider. */
  private static final RequestMatcher BEARER_DOORS = new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"));

  private final ObjectMapper json;
  private final AccountHygiene hygiene;
  private final AuditTrail audit;
  private final Clock clock;
  private final PasswordChange passwordChange;
  private final SingleSignOnSettings sso;

  SecurityConfig(ObjectMapper json, AccountHygiene hygiene, AuditTrail audit, Clock clock,
      PasswordChange passwordChange, SingleSignOnSettings sso) {
    this.sso = sso;
    this.json = json;
    this.passwordChange = passwordChange;
    this.hygiene = hygiene;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The browser sessions of an account, read from the session table that every node shares: the limit on sessions
   * per account holds across nodes (docs/security.md, "Account hygiene").
   */
  @Bean
  <S extends Session> SpringSessionBackedSessionRegistry<S> sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
    return new SpringSessionBackedSessionRegistry<>(sessions);
  }

  /** Tasklist, Cockpit, Admin and Welcome: our login; their own CSRF filter and content security policy. */
  @Bean
  @Order(1)
  SecurityFilterChain webapps(HttpSecurity http, SessionRegistry registry) throws Exception {
    http.securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(ENGINE_OPERATIONS).hasAnyAuthority(Groups.ADMIN, Groups.SYSTEM_ADMIN)
            .requestMatchers(ADMIN_ONLY).hasAuthority(Groups.ADMIN)
            .anyRequest().authenticated())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.cacheControl(cache -> cache.disable())
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(STATIC_FILES),
                new CacheControlHeadersWriter()))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        // The webapps' own log-out button ends the whole browser session.
        .logout(logout -> logout
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
            .logoutSuccessHandler((request, response, auth) -> response.setStatus(HttpServletResponse.SC_OK)))
        .exceptionHandling(this::refusals);
    limitSessions(http, registry);
    return http.build();
  }

  /** Our API, the engine's REST API and our pages. */
  @Bean
  @Order(2)
  SecurityFilterChain application(HttpSecurity http, IdentityService identityService, SessionRegistry registry,
      ObjectProvider<SingleSignOn> singleSignOn, ObjectProvider<ClientRegistrationRepository> clients,
      ObjectProvider<JwtDecoder> decoders, ObjectProvider<ProvincialTicketExchange> tickets) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            // The shipped fonts (SIL OFL) are public: a browser fetches them for a printed page without credentials.
            .requestMatchers(LOGIN_PAGE, "/error", "/webapps-extras.js", "/supervision.css", "/favicon.ico",
                "/fonts/*.ttf").permitAll()
            .requestMatchers(HEALTH_PROBES).permitAll()
            .requestMatchers(EXPERT_LINKS).permitAll()
            // Metrics and health details: operators (and administrators) only, see docs/operations.md.
            .requestMatchers(path("/actuator/**")).hasAnyAuthority(Groups.MONITORING, Groups.SYSTEM_ADMIN,
                Groups.ADMIN)
            .requestMatchers(ENGINE_OPERATIONS).hasAnyAuthority(Groups.ADMIN, Groups.SYSTEM_ADMIN)
            .requestMatchers(ADMIN_ONLY).hasAuthority(Groups.ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(this::unauthorized))
        .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/", false).failureHandler(loginFailure()))
        .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        // Only a browser session can be forged by another site. A request carrying its own credentials cannot: browsers
        // are never asked for Basic credentials here (no challenge is sent), so they never send them on their own. A
        // call without any session is refused as unauthenticated instead.
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null,
            request -> MACHINE_CALLS.matches(request) && request.getSession(false) == null, EXPERT_LINKS))
        .headers(headers -> headers.cacheControl(cache -> cache.disable())
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(STATIC_FILES),
                new CacheControlHeadersWriter()))
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .exceptionHandling(this::refusals)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    if (sso.enabled()) {
      singleSignOn(http, singleSignOn.getObject(), clients.getIfAvailable(), decoders.getIfAvailable(),
          tickets.getIfAvailable());
    }
    limitSessions(http, registry);
    return http.build();
  }

  /**
   * The province's identity provider beside the local login (docs/security.md, "单点登录 (OIDC)"): browsers by OIDC
   * login from the login page's button, systems by bearer tokens at {@code /api} and {@code /engine-rest} when a
   * token decoder is configured ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), and a provincial
   * ticket at {@link TicketLogin#DOOR} when a {@link ProvincialTicketExchange} is given.
   */
  private void singleSignOn(HttpSecurity http, SingleSignOn singleSignOn, ClientRegistrationRepository clients,
      JwtDecoder decoder, ProvincialTicketExchange tickets) throws Exception {
    if (clients == null || clients.findByRegistrationId(sso.registration()) == null) {
      throw new IllegalStateException("titlereview.sso.enabled=true，但没有配置统一身份认证的客户端 "
          + "spring.security.oauth2.client.registration." + sso.registration() + "（见 docs/security.md）");
    }
    // The login page says why (LoginPageController); the refusal was recorded where it was decided.
    AuthenticationFailureHandler toLoginPage = (request, response, e) -> {
      request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, e);
      response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?refused");
    };
    http.oauth2Login(login -> login.loginPage(LOGIN_PAGE)
        .userInfoEndpoint(info -> info.oidcUserService(singleSignOn.oidcUsers()))
        .failureHandler((request, response, e) -> {
          if (!(e instanceof SingleSignOnRefused)) {
            singleSignOn.refused(null, "统一身份认证（OIDC）", "统一身份认证未完成登录（" + e.getMessage() + "）");
          }
          toLoginPage.onAuthenticationFailure(request, response, e);
        }));
    if (tickets != null) {
      http.with(new TicketLogin(tickets, singleSignOn, toLoginPage), ticketLogin -> { });
    }
    if (decoder != null) {
      DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
      http.oauth2ResourceServer(server -> server
          .bearerTokenResolver(request -> BEARER_DOORS.matches(request) ? bearer.resolve(request) : null)
          .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(singleSignOn::bearer))
          .authenticationEntryPoint((request, response, e) -> {
            if (e instanceof SingleSignOnRefused refused) {
              write(response, HttpStatus.FORBIDDEN, refused.getMessage());
            } else {
              singleSignOn.refused(null, "访问令牌（bearer）", "访问令牌无效或已过期（" + e.getMessage() + "）");
              write(response, HttpStatus.UNAUTHORIZED, "访问令牌无效或已过期：请向统一身份认证重新申请");
            }
          }));
    }
  }

  /** Sessions per account and a login session's whole life (docs/security.md, "Account hygiene"). */
  private void limitSessions(HttpSecurity http, SessionRegistry registry) throws Exception {
    http.sessionManagement(sessions -> sessions.withObjectPostProcessor(BASIC_GETS_NO_SESSION)
            .maximumSessions(hygiene.maxSessions()).sessionRegistry(registry)
            .expiredSessionStrategy(event -> {
              String user = event.getSessionInformation().getPrincipal().toString();
              audit.record(user, AuditKind.LOGOUT, user,
                  "同一账号同时登录超过 " + hygiene.maxSessions() + " 处，最早的登录会话被结束");
              sessionEnded(event.getRequest(), event.getResponse(), "此账号已在其他 " + hygiene.maxSessions()
                  + " 处登录，本处的登录已结束；请重新登录");
            }))
        .addFilterBefore(new AbsoluteTimeout(clock, hygiene.absoluteTimeout(), audit, this::sessionEnded),
            AuthorizationFilter.class)
        .addFilterBefore(new PasswordChangeFirst(passwordChange, PASSWORD_CHANGE_OPEN, MACHINE_CALLS, audit,
            (request, response, message) -> write(response, HttpStatus.FORBIDDEN, message)), AuthorizationFilter.class);
  }

  /**
   * The login form counts sessions itself; Spring's session management filter would only do it for HTTP Basic, and
   * give each machine call a session (docs/operations.md: machine calls leave no session). It is told to skip.
   */
  private static final ObjectPostProcessor<SessionManagementFilter> BASIC_GETS_NO_SESSION =
      new ObjectPostProcessor<>() {
        @Override
        public <O extends SessionManagementFilter> O postProcess(O filter) {
          filter.setTrustResolver(new AuthenticationTrustResolver() {
            @Override
            public boolean isAnonymous(Authentication authentication) {
              return true;
            }

            @Override
            public boolean isRememberMe(Authentication authentication) {
              return false;
            }
          });
          return filter;
        }
      };

  /** A login session that was ended: a page goes to the login page with the reason, a machine call gets 401. */
  private void sessionEnded(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    if (MACHINE_CALLS.matches(request)) {
      write(response, HttpStatus.UNAUTHORIZED, message);
    } else {
      request.getSession().setAttribute(LoginPageController.ENDED, message);
      response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?ended");
    }
  }

  /**
   * The webapps take the user of the browser session over from Spring Security ({@code request.getUserPrincipal()})
   * and build their own authentication from the engine's groups and application permissions.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  private void refusals(ExceptionHandlingConfigurer<HttpSecurity> e) {
    e.defaultAuthenticationEntryPointFor(this::unauthorized, MACHINE_CALLS)
        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true)
        .accessDeniedHandler(forbidden());
  }

  private AuthenticationFailureHandler loginFailure() {
    SimpleUrlAuthenticationFailureHandler handler = new SimpleUrlAuthenticationFailureHandler(LOGIN_PAGE + "?error");
    handler.setUseForward(false);
    return handler;
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof LoginThrottledException throttled) {
      response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
      write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
    } else if (e instanceof DisabledException) {
      write(response, HttpStatus.UNAUTHORIZED, e.getMessage());
    } else if (request.getHeader("Authorization") != null) {
      write(response, HttpStatus.UNAUTHORIZED, "用户名或密码错误");
    } else {
      write(response, HttpStatus.UNAUTHORIZED, "需要登录：请先在登录页登录，或在请求中以 HTTP Basic 提供账号和密码");
    }
  }

  private AccessDeniedHandler forbidden() {
    return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, e instanceof CsrfException
        ? "请求缺少有效的防伪令牌，请刷新页面后重试"
        : path("/actuator/**").matches(request) ? "无权查看运行指标：需要运维监控（monitoring）或系统管理员用户组"
        : ENGINE_OPERATIONS.matches(request)
            ? "无权执行此操作：引擎的消息（message）、信号（signal）和流程实例迁移只对系统管理员开放"
            : "无权执行此操作：引擎的密码核对和任务候选人设置不对任何人开放");
  }

  private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), Map.of("error", message));
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
