package cn.gx.titlereview.platform.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code engine}, part of readiness: the process engine answers a command on its own tables (it reads its
 * schema version, without authorization checks), and, where this node runs jobs, its job executor is active.
 * (Camunda's own {@code processEngine} indicator only reports that an engine object exists.)
 */
@Component
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final boolean runsJobs;

  EngineHealthIndicator(ProcessEngine engine, CamundaBpmProperties camunda) {
    super("流程引擎不可用");
    this.engine = engine;
    this.runsJobs = camunda.getJobExecution().isEnabled();
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String schemaVersion = configuration.getCommandExecutorTxRequired().execute(context -> {
      PropertyEntity version = context.getPropertyManager().findPropertyById("schema.version");
      return version == null ? null : version.getValue();
    });
    JobExecutor jobs = configuration.getJobExecutor();
    boolean jobsActive = jobs != null && jobs.isActive();
    (schemaVersion == null || (runsJobs && !jobsActive) ? health.down() : health.up())
        .withDetail("name", engine.getName())
        .withDetail("schemaVersion", String.valueOf(schemaVersion))
        .withDetail("jobExecutor", !runsJobs ? "off" : jobsActive ? "active" : "stopped");
  }
}
