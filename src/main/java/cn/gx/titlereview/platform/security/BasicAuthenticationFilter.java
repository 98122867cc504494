package cn.gx.titlereview.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication against the engine's users, for {@code /engine-rest}, our {@code /api} and our pages.
 * It sets the engine's current authentication, so the engine's authorization checks apply to every call.
 * Our pages may also use the login of the Camunda webapps in the same browser session, so that a user who is
 * logged into Tasklist opens the record form or the workspace without a second login.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  /** Where Camunda's CsrfPreventionFilter keeps the token of a webapp session. */
  public static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private final ProcessEngine engine;
  private final IdentityService identityService;

  public BasicAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
    this.identityService = engine.getIdentityService();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader("Authorization"));
    String userId = credentials == null ? webappUser(request) : credentials[0];
    if (userId == null) {
      unauthorized(response, "需要登录：请以 HTTP Basic 认证提供 Tasklist 的账号和密码");
      return;
    }
    if (credentials != null && !identityService.checkPassword(userId, credentials[1])) {
      unauthorized(response, "用户名或密码错误（连续输错会暂时锁定账号）");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * The user logged into the Camunda webapps in this browser session: for reads, and for changes that carry the
   * session's CSRF token (the one the webapps issued) in the X-XSRF-TOKEN header, as our workspace page sends it.
   */
  private String webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    Object token = session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
    if (!read && (token == null || !token.equals(request.getHeader("X-XSRF-TOKEN")))) {
      return null;
    }
    Authentication login = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getName());
    return login == null ? null : login.getIdentityId();
  }

  private static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void unauthorized(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"title-review\", charset=\"UTF-8\"");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }
}
