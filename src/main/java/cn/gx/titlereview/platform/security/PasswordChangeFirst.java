package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a password an administrator set is changed ({@link PasswordChange}), a login reaches the change page only: a
 * page goes there, everything else (our API, Tasklist's calls, {@code /engine-rest}, HTTP Basic) is refused with 403.
 */
class PasswordChangeFirst extends OncePerRequestFilter {

  static final String PAGE = "/password";
  static final String MESSAGE = "须先修改密码：此账号的密码由管理员设置，请在登录页登录后按提示设置自己的密码，然后再使用系统";

  /** Set in a browser session once its account needs no change, so that its requests are not asked again. */
  private static final String CHANGED = PasswordChangeFirst.class.getName() + ".changed";

  private final PasswordChange change;
  private final RequestMatcher open;
  private final RequestMatcher machineCalls;
  private final AuditTrail audit;
  private final AbsoluteTimeout.Refusal forbidden;

  PasswordChangeFirst(PasswordChange change, RequestMatcher open, RequestMatcher machineCalls, AuditTrail audit,
      AbsoluteTimeout.Refusal forbidden) {
    this.change = change;
    this.open = open;
    this.machineCalls = machineCalls;
    this.audit = audit;
    this.forbidden = forbidden;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken
        || open.matches(request) || (session != null && session.getAttribute(CHANGED) != null)) {
      chain.doFilter(request, response);
      return;
    }
    if (!change.required(login.getName())) {
      if (session != null) {
        session.setAttribute(CHANGED, Boolean.TRUE);
      }
      chain.doFilter(request, response);
    } else if (machineCalls.matches(request)) {
      audit.record(login.getName(), AuditKind.REFUSED, login.getName(), "未修改管理员设置的密码，拒绝访问 " + request.getRequestURI());
      forbidden.ended(request, response, MESSAGE);
    } else {
      response.sendRedirect(request.getContextPath() + PAGE);
    }
  }
}
