package cn.gx.titlereview.record;

import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The record's computed answers, by fact key (see record-form-default.json): every stage's contribution, from one
 * reading of the session's data, so that each table is read once per record.
 */
@Component
class RecordFacts {

  private final List<RecordContribution> contributions;

  RecordFacts(List<RecordContribution> contributions) {
    this.contributions = contributions;
  }

  Map<String, Answer> compute(SessionReading reading) {
    Map<String, Answer> facts = new HashMap<>();
    for (RecordContribution contribution : contributions) {
      contribution.facts(reading).forEach((key, answer) -> {
        if (facts.putIfAbsent(key, answer) != null) {
          throw new IllegalStateException("Two stages answer the record's fact " + key + ", "
              + contribution.getClass().getSimpleName() + " among them");
        }
      });
    }
    return facts;
  }
}
