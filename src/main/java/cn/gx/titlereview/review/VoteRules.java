package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.security.SystemAuthority;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** Reads the vote rule of a level from the latest deployed {@code VoteRules} DMN table, as the system. */
@Component
public class VoteRules {

  private final DecisionService decisionService;
  private final SystemAuthority system;

  public VoteRules(DecisionService decisionService, SystemAuthority system) {
    this.decisionService = decisionService;
    this.system = system;
  }

  public VoteRule forLevel(String level) {
    DmnDecisionRuleResult result = system.call(() -> decisionService
        .evaluateDecisionTableByKey("VoteRules", Map.of("level", level)).getSingleResult());
    Object ceiling = result.getEntryMap().get("passRateCeiling");
    return new VoteRule(number(result, "passNumerator"), number(result, "passDenominator"),
        number(result, "quorumNumerator"), number(result, "quorumDenominator"),
        ceiling == null ? null : ((Number) ceiling).intValue());
  }

  private static int number(DmnDecisionRuleResult result, String name) {
    return ((Number) result.getEntry(name)).intValue();
  }
}
