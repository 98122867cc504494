package cn.gx.titlereview.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's REST API and ours share one authentication; the webapps keep their own session login. */
@Configuration
public class SecurityConfig {

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> basicAuthentication(IdentityService identityService) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("basicAuthentication");
    return registration;
  }
}
