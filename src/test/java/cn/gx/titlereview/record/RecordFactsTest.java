package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The record assembles the stages' answers: each fact answered by one stage, and read once however many ask. */
class RecordFactsTest {

  private static final ReviewSession SESSION = new ReviewSession(7, "S-7", "测试评委会", "正高", "工程", 2026, "单位",
      "职改办", false, null, null, null, 1);
  private static final SessionReading.Key<List<String>> NAMES = new SessionReading.Key<>("names");
  private static final RecordCatalogue CATALOGUE = new RecordCatalogue(new ObjectMapper());

  @Test
  void theRecordAssemblesEveryStagesAnswers() {
    RecordFacts facts = facts(
        stage(Set.of("draw.random"), reading -> Map.of("draw.random", Answer.yesNo(true, "可复算"))),
        stage(Set.of("publicity.duration"), reading -> Map.of("publicity.duration", Answer.notReached("尚未发布"))));

    assertThat(facts.compute(new SessionReading(SESSION)))
        .containsOnlyKeys("draw.random", "publicity.duration")
        .hasEntrySatisfying("draw.random", a -> assertThat(a.shown()).isEqualTo("是"));
  }

  @Test
  void twoStagesClaimingOneFactStopTheStartNamingBoth() {
    assertThatThrownBy(() -> facts(stage(Set.of("draw.random"), reading -> Map.of()),
        stage(Set.of("draw.random"), reading -> Map.of())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("draw.random");
  }

  @Test
  void aFactOfTheFormThatNoStageAnswersStopsTheStart() {
    assertThatThrownBy(() -> new RecordFacts(List.of(stage(Set.of("draw.random"), reading -> Map.of())), CATALOGUE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("publicity.duration");
  }

  @Test
  void aStageAnsweringAKeyItDidNotClaimIsCaught() {
    RecordFacts facts = facts(stage(Set.of("draw.random"),
        reading -> Map.of("publicity.duration", Answer.yesNo(true, "10 个工作日"))));

    assertThatThrownBy(() -> facts.compute(new SessionReading(SESSION)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("publicity.duration");
  }

  @Test
  void aReadingReadsEachTableOnceHoweverManyStagesAskForIt() {
    List<Long> reads = new ArrayList<>();
    RecordFacts facts = facts(
        stage(Set.of("draw.random"), r -> Map.of("draw.random", Answer.of(String.valueOf(names(r, reads).size()), ""))),
        stage(Set.of("draw.timely"), r -> Map.of("draw.timely", Answer.of(names(r, reads).get(0), ""))));

    Map<String, Answer> answers = facts.compute(new SessionReading(SESSION));

    assertThat(answers.get("draw.random").value()).isEqualTo("2");
    assertThat(answers.get("draw.timely").value()).isEqualTo("赵强");
    assertThat(reads).containsExactly(7L);
  }

  @Test
  void someFactsAreComputedByTheirStagesAlone() {
    List<String> asked = new ArrayList<>();
    RecordFacts facts = facts(
        stage(Set.of("draw.random"), r -> {
          asked.add("draw");
          return Map.of("draw.random", Answer.yesNo(true, ""));
        }),
        stage(Set.of("publicity.complaints"), r -> {
          asked.add("publicity");
          return Map.of("publicity.complaints", Answer.of("2/2", ""));
        }));

    assertThat(facts.compute(new SessionReading(SESSION), Set.of("publicity.complaints")))
        .containsOnlyKeys("publicity.complaints");
    assertThat(asked).containsExactly("publicity");
    assertThatThrownBy(() -> facts.compute(new SessionReading(SESSION), Set.of("no.such.fact")))
        .hasMessageContaining("no.such.fact");
  }

  /** The stages given, and one that claims every other fact of the form and answers none. */
  private static RecordFacts facts(RecordContribution... stages) {
    Set<String> others = new HashSet<>(CATALOGUE.factKeys());
    List.of(stages).forEach(s -> others.removeAll(s.keys()));
    List<RecordContribution> all = new ArrayList<>(List.of(stages));
    all.add(stage(others, reading -> Map.of()));
    return new RecordFacts(all, CATALOGUE);
  }

  private static RecordContribution stage(Set<String> keys, Function<SessionReading, Map<String, Answer>> answers) {
    return new RecordContribution() {
      @Override
      public Set<String> keys() {
        return keys;
      }

      @Override
      public Map<String, Answer> facts(SessionReading reading) {
        return answers.apply(reading);
      }
    };
  }

  private static List<String> names(SessionReading reading, List<Long> reads) {
    return reading.once(NAMES, sessionId -> {
      reads.add(sessionId);
      return List.of("赵强", "李梅");
    });
  }
}
