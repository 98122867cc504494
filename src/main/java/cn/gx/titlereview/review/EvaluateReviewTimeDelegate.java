package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 合理安排评审时间: sets {@code reviewTimeNeedsJustification} when a group's minutes per applicant fall below the DMN
 * minimum and the unit head has not yet justified these times, with the warning the unit head answers.
 */
@Component("evaluateReviewTime")
class EvaluateReviewTimeDelegate implements JavaDelegate {

  private final ReviewTimes reviewTimes;
  private final SessionRepository sessions;

  EvaluateReviewTimeDelegate(ReviewTimes reviewTimes, SessionRepository sessions) {
    this.reviewTimes = reviewTimes;
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewTimes.Assessment assessment = reviewTimes.assess(sessions.get(ProcessVariables.sessionId(execution)));
    boolean needed = assessment.needsJustification();
    execution.setVariable("reviewTimeNeedsJustification", needed);
    if (needed) {
      execution.setVariable("reviewTimeWarning", "评审时间偏短：" + assessment.belowMinimum().stream()
          .map(ReviewTimes.GroupTime::describe).reduce((a, b) -> a + "；" + b).orElse("") + "，低于下限 "
          + assessment.minimum() + " 分钟/人。请组建单位负责人书面说明理由。");
    }
  }
}
