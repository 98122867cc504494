package cn.gx.titlereview.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Publishes {@link SessionDataChanged} after every write through {@code /api/sessions/{code}/…} that succeeded: the one
 * place that sees every write of a session's data after its transaction (decision 39).
 */
@Configuration
class SessionWrites implements WebMvcConfigurer, HandlerInterceptor {

  private final SessionRepository sessions;
  private final ApplicationEventPublisher events;

  SessionWrites(SessionRepository sessions, ApplicationEventPublisher events) {
    this.sessions = sessions;
    this.events = events;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/sessions/*/**");
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception failure) {
    if ("GET".equals(request.getMethod()) || failure != null || response.getStatus() >= 400) {
      return;
    }
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
        && path.get("code") instanceof String code) {
      sessions.findByCode(code).ifPresent(session -> events.publishEvent(new SessionDataChanged(session)));
    }
  }
}
