package cn.gx.titlereview.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link PasswordRules} in the engine. The rules are switched on once the engine is built, after the bootstrap
 * account ({@code camunda.bpm.admin-user}) was created: they apply to every password set from then on.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PasswordRulesPlugin extends AbstractProcessEnginePlugin {

  private final PasswordRules rules;
  private ProcessEngineConfigurationImpl configuration;

  PasswordRulesPlugin(AccountHygiene settings) {
    this.rules = new PasswordRules(settings.passwordMinLength());
  }

  PasswordRules rules() {
    return rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setPasswordPolicy(rules);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    configuration.setEnablePasswordPolicy(true);
  }
}
