package cn.gx.titlereview.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The {@link Workload} figures as gauges. They are counted on a schedule ({@code titlereview.metrics.workload-refresh},
 * default every 30 s), outside any request and so without any user's engine authorizations, and a scrape reads the
 * last counts: however often Prometheus scrapes, the database answers a few counts per node and interval. Until the
 * first count, and while the database does not answer, a gauge is NaN.
 */
@Configuration
class WorkloadGauges {

  private static final Logger log = LoggerFactory.getLogger(WorkloadGauges.class);

  private final List<Workload> workloads;
  private final Map<String, Double> last = new ConcurrentHashMap<>();

  WorkloadGauges(List<Workload> workloads, MeterRegistry registry) {
    this.workloads = workloads;
    for (Workload w : workloads) {
      Gauge.builder(w.metric(), last, values -> values.getOrDefault(w.metric(), Double.NaN))
          .description(w.description()).strongReference(true).register(registry);
    }
  }

  @Scheduled(fixedDelayString = "${titlereview.metrics.workload-refresh:PT30S}")
  public void refresh() {
    for (Workload w : workloads) {
      try {
        last.put(w.metric(), (double) w.count().getAsLong());
      } catch (RuntimeException e) {
        last.put(w.metric(), Double.NaN);
        log.warn("无法统计 {}：{}", w.metric(), e.toString());
      }
    }
  }

  @Bean
  static Workload jobBacklog(ManagementService management) {
    return new Workload("camunda.jobs.backlog", "到期待执行的作业（全部节点共有）",
        () -> management.createJobQuery().executable().count());
  }

  @Bean
  static Workload openIncidents(RuntimeService runtime) {
    return new Workload("camunda.incidents.open", "未解决的事故（作业重试用尽等）", () -> runtime.createIncidentQuery().count());
  }

  @Bean
  static Workload openTasks(TaskService tasks) {
    return new Workload("titlereview.tasks.open", "待办任务", () -> tasks.createTaskQuery().count());
  }

  @Bean
  static Workload overdueTasks(TaskService tasks, Clock clock) {
    return new Workload("titlereview.tasks.overdue", "已超过办理期限的待办任务",
        () -> tasks.createTaskQuery().dueBefore(Date.from(clock.instant())).count());
  }
}
