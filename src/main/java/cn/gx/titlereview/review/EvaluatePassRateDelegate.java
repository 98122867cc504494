package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 是否合理设置评审通过率: compares the session's pass rate with the optional ceiling of DMN VoteRules, and sets
 * {@code passRateAboveCeiling} (and the warning the unit head answers) for the gateway.
 */
@Component("evaluatePassRate")
class EvaluatePassRateDelegate implements JavaDelegate {

  private final SessionRepository sessions;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final VoteRules voteRules;

  EvaluatePassRateDelegate(SessionRepository sessions, ApplicantRepository applicants,
      ReviewRepository reviews, VoteRules voteRules) {
    this.sessions = sessions;
    this.applicants = applicants;
    this.reviews = reviews;
    this.voteRules = voteRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewSession session = sessions.get(ProcessVariables.sessionId(execution));
    VoteRule rule = voteRules.forLevel(session.level());
    int all = applicants.count(session.id());
    long passed = reviews.votes(session.id()).values().stream().filter(ReviewRepository.VoteCount::passed).count();
    boolean above = rule.aboveCeiling(passed, all);
    execution.setVariable("passRateAboveCeiling", above);
    if (above) {
      execution.setVariable("passRateWarning", "评审通过率 " + passed + "/" + all + "（" + (passed * 1000 / all) / 10.0
          + "%）超过" + session.level() + "评审的预警上限 " + rule.passRateCeiling() + "%，请组建单位负责人书面说明理由。");
    }
  }
}
