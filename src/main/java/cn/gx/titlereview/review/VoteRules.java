package cn.gx.titlereview.review;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the vote rule of a level from the latest deployed {@code VoteRules} DMN table. */
@Component
class VoteRules {

  private final LevelRules levelRules;

  VoteRules(LevelRules levelRules) {
    this.levelRules = levelRules;
  }

  public VoteRule forLevel(String level) {
    Map<String, Object> row = levelRules.row("VoteRules", level).orElseThrow(() ->
        new IllegalStateException("决策表 VoteRules 没有评审级别“" + level + "”的表决规则"));
    Object ceiling = row.get("passRateCeiling");
    return new VoteRule(number(row, "passNumerator"), number(row, "passDenominator"),
        number(row, "quorumNumerator"), number(row, "quorumDenominator"),
        ceiling == null ? null : ((Number) ceiling).intValue());
  }

  private static int number(Map<String, Object> row, String name) {
    return ((Number) row.get(name)).intValue();
  }
}
