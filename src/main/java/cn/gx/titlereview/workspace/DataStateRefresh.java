package cn.gx.titlereview.workspace;

import cn.gx.titlereview.session.SessionRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * After every change to a session's data through {@code /api/sessions/{code}/…} that succeeded, its open data tasks
 * show the new state: staff who imported on the 数据工作台 see the count in the form when they come back.
 */
@Configuration
class DataStateRefresh implements WebMvcConfigurer, HandlerInterceptor {

  private final TasklistDisplay tasks;
  private final SessionRepository sessions;

  DataStateRefresh(TasklistDisplay tasks, SessionRepository sessions) {
    this.tasks = tasks;
    this.sessions = sessions;
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
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> path && path.get("code") instanceof String code) {
      sessions.findByCode(code).ifPresent(tasks::refresh);
    }
  }
}
