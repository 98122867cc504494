package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a login session a fixed time after the login however active it is (等级保护: 会话超时); the idle timeout is the
 * session store's own. The login's time is kept in the session (in the database, so every node sees it) and read from
 * the application's clock.
 */
class AbsoluteTimeout extends OncePerRequestFilter {

  static final String LOGGED_IN_AT = AbsoluteTimeout.class.getName() + ".loggedInAt";

  private final Clock clock;
  private final Duration limit;
  private final AuditTrail audit;
  private final Refusal refusal;

  /** How the end of a session is answered: a page goes to the login page, a machine call gets 401. */
  interface Refusal {
    void ended(HttpServletRequest request, HttpServletResponse response, String message) throws IOException;
  }

  AbsoluteTimeout(Clock clock, Duration limit, AuditTrail audit, Refusal refusal) {
    this.clock = clock;
    this.limit = limit;
    this.audit = audit;
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    if (session == null || login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    Instant now = clock.instant();
    if (!(session.getAttribute(LOGGED_IN_AT) instanceof Instant since)) {
      // The first request after the login (the login itself is answered by a redirect before this filter).
      session.setAttribute(LOGGED_IN_AT, now);
    } else if (!now.isBefore(since.plus(limit))) {
      String hours = limit.toMinutes() % 60 == 0 ? limit.toHours() + " 小时" : limit.toMinutes() + " 分钟";
      audit.record(login.getName(), AuditKind.LOGOUT, login.getName(), "登录已满 " + hours + "，会话自动结束");
      session.invalidate();
      SecurityContextHolder.clearContext();
      refusal.ended(request, response, "登录已满 " + hours + "，为安全起见请重新登录");
      return;
    }
    chain.doFilter(request, response);
  }
}
