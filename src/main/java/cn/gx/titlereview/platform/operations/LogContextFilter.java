package cn.gx.titlereview.platform.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the user and the session code of a request into the logging context (MDC), so that every line logged while
 * serving it carries them ({@code user}, {@code sessionCode}; in JSON logs as fields of their own). It runs after
 * Spring Security, for every door. The session code comes from the path ({@code /api/sessions/{code}/…},
 * {@code /sessions/{code}/…}, {@code /supervision/sessions/{code}}). Work the engine does for a session, in a request
 * or in a job (gates, timers), gets {@code sessionCode} from the process's business key
 * ({@code loggingContextBusinessKey} in application.yaml).
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class LogContextFilter extends OncePerRequestFilter {

  public static final String USER = "user";
  public static final String SESSION_CODE = "sessionCode";
  private static final Pattern SESSION_PATH = Pattern.compile("^/(?:api/|supervision/)?sessions/([^/;]+)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
      MDC.put(USER, user.getName());
    }
    Matcher session = SESSION_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (session.find()) {
      MDC.put(SESSION_CODE, session.group(1));
    }
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(USER);
      MDC.remove(SESSION_CODE);
    }
  }
}
