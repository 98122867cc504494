package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spot-check's three steps in the main process: the approver's ratio draws the sample; the approver's findings
 * are recorded; the evaluation sets {@code spotCheckPassed} for the gateway. Variables carry applicant numbers of
 * the sample (ids) and a flag, nothing more.
 */
@Configuration
class SpotCheckListeners {

  /** When 核准单位确定抽查比例 opens: the pool and random bytes are fixed; the form shows their hashes. */
  @Bean("commitSpotCheck")
  TaskListener commitSpotCheck(SpotCheckService spotChecks, SessionRepository sessions) {
    return task -> {
      SpotCheck.Commitment c = spotChecks.commit(session(sessions, task));
      task.getExecution().setVariable("spotCheckPoolSha256", c.poolSha256());
      task.getExecution().setVariable("spotCheckRandomSha256", c.randomSha256());
      task.getExecution().setVariable("spotCheckPoolSize", c.pool().size());
    };
  }

  @Bean("drawSpotCheck")
  TaskListener drawSpotCheck(SpotCheckService spotChecks, SessionRepository sessions, CurrentUser currentUser) {
    return task -> {
      Object ratio = task.getVariable("spotCheckRatio");
      if (!(ratio instanceof Number number)) {
        throw new BadUserRequestException("请填写抽查比例（spotCheckRatio，百分比整数，例如 10）");
      }
      Object phrase = task.getVariable("spotCheckPhrase");
      try {
        SpotCheck check = spotChecks.draw(session(sessions, task), number.intValue(),
            phrase == null ? null : phrase.toString(), currentUser.completing(task));
        task.getExecution().setVariable("spotCheckSample", check.items().stream()
            .map(SpotCheck.Item::applicantNo).collect(Collectors.joining("、")));
        task.getExecution().removeVariable("spotCheckPhrase");
      } catch (IllegalArgumentException e) {
        throw new BadUserRequestException(e.getMessage());
      }
    };
  }

  @Bean("recordSpotCheck")
  TaskListener recordSpotCheck(SpotCheckService spotChecks, SessionRepository sessions, CurrentUser currentUser) {
    return task -> {
      Object lines = task.getVariable("spotCheckProblems");
      try {
        spotChecks.recordFindings(session(sessions, task), lines == null ? "" : lines.toString(),
            currentUser.completing(task));
      } catch (IllegalArgumentException e) {
        throw new BadUserRequestException(e.getMessage());
      }
    };
  }

  @Bean("evaluateSpotCheck")
  JavaDelegate evaluateSpotCheck(SpotCheckService spotChecks, SpotCheckRepository repository,
      SessionRepository sessions) {
    return (DelegateExecution execution) -> {
      SpotCheck check = repository.latest(ProcessVariables.sessionId(execution)).orElseThrow();
      execution.setVariable("spotCheckPassed", spotChecks.passes(check));
      execution.removeVariable("spotCheckProblems");
    };
  }

  private static ReviewSession session(SessionRepository sessions, DelegateTask task) {
    return sessions.get(ProcessVariables.sessionId(task));
  }
}
