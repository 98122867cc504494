package cn.gx.titlereview.platform.operations;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.SiteSettings;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine keeps a process's history at least as long as the archive is kept: when a root process instance (a
 * session, an inspection, a complaint) ends, its history's removal time is its end plus the later of the model's
 * {@code camunda:historyTimeToLive} and {@code titlereview.archive.retention-years} (default 30) calendar years, as in
 * force at that moment (a decision evaluated on its own: its evaluation, likewise). Camunda's history cleanup
 * (application.yaml: a night window, batches) removes only engine history past that time; the application's own
 * tables are never touched by it. See docs/operations.md, "History retention".
 */
@Component
class HistoryRetention extends AbstractProcessEnginePlugin {

  private final int retentionYears;

  HistoryRetention(SiteSettings settings) {
    this.retentionYears = settings.archive().retentionYears();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryRemovalTimeProvider(new DefaultHistoryRemovalTimeProvider() {
      @Override
      public Date calculateRemovalTime(HistoricProcessInstanceEventEntity root, ProcessDefinition definition) {
        return atLeastRetention(super.calculateRemovalTime(root, definition),
            root.getEndTime() != null ? root.getEndTime() : root.getStartTime());
      }

      @Override
      public Date calculateRemovalTime(HistoricDecisionInstanceEntity root, DecisionDefinition definition) {
        return atLeastRetention(super.calculateRemovalTime(root, definition), root.getEvaluationTime());
      }
    });
  }

  /**
   * The later of the model's removal time and {@code retention-years} calendar years (China Standard Time) after the
   * moment; none when the model has no time to live (kept for good, as Camunda does).
   */
  private Date atLeastRetention(Date byModel, Date moment) {
    if (byModel == null || moment == null) {
      return byModel;
    }
    Date byRetention = Date.from(ZonedDateTime.ofInstant(moment.toInstant(), PlatformConfig.ZONE)
        .plusYears(retentionYears).toInstant());
    return byRetention.after(byModel) ? byRetention : byModel;
  }
}
