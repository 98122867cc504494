package cn.gx.titlereview.record;

import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The record's computed answers, by fact key (see record-form-default.json): every stage's contribution, from one
 * reading of the session's data, so that each table is read once per record. Each key has one stage that answers
 * it, and every fact of the form has one: otherwise the application does not start.
 */
@Component
class RecordFacts {

  private final List<RecordContribution> contributions;
  private final Map<String, RecordContribution> byKey = new HashMap<>();

  RecordFacts(List<RecordContribution> contributions, RecordCatalogue catalogue) {
    this.contributions = contributions;
    for (RecordContribution contribution : contributions) {
      for (String key : contribution.keys()) {
        RecordContribution other = byKey.putIfAbsent(key, contribution);
        if (other != null) {
          throw new IllegalStateException("Two stages answer the record's fact " + key + ": "
              + other.getClass().getSimpleName() + " and " + contribution.getClass().getSimpleName());
        }
      }
    }
    Set<String> unanswered = new TreeSet<>(catalogue.factKeys());
    unanswered.removeAll(byKey.keySet());
    if (!unanswered.isEmpty()) {
      throw new IllegalStateException("No stage answers the record's facts " + unanswered);
    }
  }

  /** Every answer of the record. */
  Map<String, Answer> compute(SessionReading reading) {
    return compute(reading, contributions);
  }

  /** The answers of {@code keys} only, from the stages that answer them: what a summary of many sessions shows. */
  Map<String, Answer> compute(SessionReading reading, Set<String> keys) {
    return compute(reading, keys.stream().map(key -> {
      RecordContribution contribution = byKey.get(key);
      if (contribution == null) {
        throw new IllegalArgumentException("No stage answers the record's fact " + key);
      }
      return contribution;
    }).distinct().toList());
  }

  private static Map<String, Answer> compute(SessionReading reading, List<RecordContribution> from) {
    Map<String, Answer> facts = new HashMap<>();
    for (RecordContribution contribution : from) {
      contribution.facts(reading).forEach((key, answer) -> {
        if (!contribution.keys().contains(key)) {
          throw new IllegalStateException(contribution.getClass().getSimpleName() + " answers " + key
              + ", which its keys() do not name");
        }
        facts.put(key, answer);
      });
    }
    return facts;
  }
}
