package cn.gx.titlereview.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's REST API, ours and our pages share one authentication; the webapps keep their own session login. */
@Configuration
public class SecurityConfig {

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> basicAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(engine));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/sessions/*", "/supervision/*");
    registration.setName("basicAuthentication");
    return registration;
  }
}
