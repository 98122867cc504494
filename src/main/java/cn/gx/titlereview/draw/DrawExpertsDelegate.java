package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Draws the prescribed number of experts (set by the DMN task before it). Names never become variables. */
@Component("drawExperts")
class DrawExpertsDelegate implements JavaDelegate {

  private final ExpertDrawService drawService;
  private final SessionRepository sessions;

  DrawExpertsDelegate(ExpertDrawService drawService, SessionRepository sessions) {
    this.drawService = drawService;
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var session = sessions.get(ProcessVariables.sessionId(execution));
    var draw = drawService.draw(session, intVar(execution, "panelSize"), intVar(execution, "reserveCount"),
        intVar(execution, "minPerGroup"));
    execution.setVariable("drawPoolSize", draw.poolSize());
  }

  private static int intVar(DelegateExecution execution, String name) {
    return ((Number) execution.getVariable(name)).intValue();
  }
}
