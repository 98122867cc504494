package cn.gx.barebench;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The bare engine the season benchmark compares the product with: Camunda 7.24's Spring Boot starter (webapps and
 * REST) as its documentation sets it up, in a JVM of its own, nothing of ours. The REST API authenticates every
 * request by Camunda's own HTTP Basic filter, authorization is on and history is full, as in the product. Its one
 * process is a sequence of {@code bare.user-tasks} user tasks offered to the group {@code worker}, which the user
 * {@code bare1} (password {@code demo}) works through list, claim and complete, as the product's clients do.
 * Started by {@code SeasonBenchmarkTest} with {@code --spring.config.location=classpath:/bare/bare.yaml}.
 */
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class, FlywayAutoConfiguration.class,
    ManagementWebSecurityAutoConfiguration.class, SessionAutoConfiguration.class})
public class BareCamundaApp {

  public static final String PROCESS = "BareSeason";
  public static final String USER = "bare1";
  public static final String GROUP = "worker";

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApp.class, args);
  }

  /** Camunda's documented authentication of the REST API: HTTP Basic against the engine's users, every request. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** The user, the group, its rights to start and read the process, and the process of {@code userTasks} tasks. */
  @EventListener(ApplicationReadyEvent.class)
  public void setUp(ApplicationReadyEvent ready) {
    var context = ready.getApplicationContext();
    IdentityService identity = context.getBean(IdentityService.class);
    AuthorizationService authorizations = context.getBean(AuthorizationService.class);
    int userTasks = Integer.parseInt(context.getEnvironment().getProperty("bare.user-tasks", "25"));
    if (identity.createUserQuery().userId(USER).count() == 0) {
      User user = identity.newUser(USER);
      user.setPassword("demo");
      identity.saveUser(user);
      identity.saveGroup(identity.newGroup(GROUP));
      identity.createMembership(USER, GROUP);
      grant(authorizations, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE,
          Permissions.READ_INSTANCE);
      grant(authorizations, Resources.PROCESS_INSTANCE, Permissions.CREATE);
    }
    context.getBean(RepositoryService.class).createDeployment().name(PROCESS).enableDuplicateFiltering(true)
        .addModelInstance(PROCESS + ".bpmn", process(userTasks)).deploy();
  }

  private static void grant(AuthorizationService authorizations, Resource resource,
      org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(GROUP);
    a.setResource(resource);
    a.setResourceId("*");
    List.of(permissions).forEach(a::addPermission);
    authorizations.saveAuthorization(a);
  }

  static BpmnModelInstance process(int userTasks) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(180)
        .startEvent("Event_Start");
    for (int i = 1; i <= userTasks; i++) {
      flow = flow.userTask("Task_" + i).camundaCandidateGroups(GROUP);
    }
    return flow.endEvent("Event_End").done();
  }
}
