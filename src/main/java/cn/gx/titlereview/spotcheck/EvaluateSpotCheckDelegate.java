package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code spotCheckPassed} for the gateway from the latest spot-check's findings. */
@Component("evaluateSpotCheck")
class EvaluateSpotCheckDelegate implements JavaDelegate {

  private final SpotCheckService spotChecks;
  private final SpotCheckRepository repository;

  EvaluateSpotCheckDelegate(SpotCheckService spotChecks, SpotCheckRepository repository) {
    this.spotChecks = spotChecks;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SpotCheck check = repository.latest(ProcessVariables.sessionId(execution)).orElseThrow();
    execution.setVariable("spotCheckPassed", spotChecks.passes(check));
    execution.removeVariable("spotCheckProblems");
  }
}
