package cn.gx.titlereview.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * When a designer changes one model in bpmn/ or forms/ and restarts, only that resource gets a new version; the
 * others keep theirs (the starter's default redeploys every resource as soon as one has changed).
 */
@Component
class DeployChangedResourcesOnly extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration instanceof SpringProcessEngineConfiguration spring) {
      spring.setDeployChangedOnly(true);
    }
  }
}
