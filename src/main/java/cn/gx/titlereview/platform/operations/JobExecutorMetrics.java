package cn.gx.titlereview.platform.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.springframework.stereotype.Component;

/**
 * This node's job executor as Micrometer meters: jobs acquired, and jobs executed with their duration, by outcome
 * ({@code succeeded}, or {@code failed} when the job threw: it is retried, and becomes an incident when its retries
 * run out). Counted where the engine runs the commands, so the figures are this node's and only grow (the engine's
 * own metrics are flushed to the database every 15 minutes and reset in memory). A failed gate is a business
 * outcome, a BPMN error, and counts as succeeded; see {@code titlereview_gate_duration_seconds} for gates.
 */
@Component
class JobExecutorMetrics extends AbstractProcessEnginePlugin {

  private final Counter acquired;
  private final Timer succeeded;
  private final Timer failed;

  JobExecutorMetrics(MeterRegistry registry) {
    this.acquired = Counter.builder("camunda.jobs.acquired").description("由本节点作业执行器获取的作业")
        .register(registry);
    this.succeeded = executed(registry, "succeeded");
    this.failed = executed(registry, "failed");
  }

  private static Timer executed(MeterRegistry registry, String outcome) {
    return Timer.builder("camunda.jobs.executed").description("本节点执行的作业及其耗时（failed：作业抛出异常，将重试）")
        .tag("outcome", outcome).register(registry);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Counting());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private final class Counting extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof ExecuteJobsCmd) {
        long started = System.nanoTime();
        boolean ok = false;
        try {
          T result = next.execute(command);
          ok = true;
          return result;
        } finally {
          (ok ? succeeded : failed).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
      }
      T result = next.execute(command);
      if (command instanceof AcquireJobsCmd && result instanceof AcquiredJobs jobs) {
        acquired.increment(jobs.size());
      }
      return result;
    }
  }
}
