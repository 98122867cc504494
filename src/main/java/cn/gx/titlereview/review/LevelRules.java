package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.security.SystemAuthority;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The row of a decision table keyed by review level ({@code VoteRules}, {@code ReviewTimeRules}) for one level, from
 * its latest deployed version. Gates ask for the same row on every run, and each evaluation through the engine
 * writes a historic decision instance; so a row is evaluated once per version and level. A designer's new version
 * is a new definition id and counts at the next call.
 */
@Component
class LevelRules {

  private final RepositoryService repositoryService;
  private final DecisionService decisionService;
  private final SystemAuthority system;
  private final Map<String, Map<String, Object>> rows = new ConcurrentHashMap<>();

  LevelRules(RepositoryService repositoryService, DecisionService decisionService, SystemAuthority system) {
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
    this.system = system;
  }

  /** The level's row (output name → value, a value may be null), or empty when the table has none. */
  public Optional<Map<String, Object>> row(String decisionKey, String level) {
    Map<String, Object> row = system.call(() -> {
      DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
          .latestVersion().singleResult();
      if (latest == null) {
        throw new IllegalStateException("决策表 " + decisionKey + " 尚未部署");
      }
      return rows.computeIfAbsent(latest.getId() + "|" + level, key -> {
        DmnDecisionRuleResult result = decisionService
            .evaluateDecisionTableById(latest.getId(), Map.of("level", level)).getSingleResult();
        return result == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(result.getEntryMap()));
      });
    });
    return row.isEmpty() ? Optional.empty() : Optional.of(row);
  }
}
