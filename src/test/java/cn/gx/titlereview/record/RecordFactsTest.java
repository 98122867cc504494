package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFactsTest {

  private static final ReviewSession SESSION = new ReviewSession(7, "S-7", "测试评委会", "正高", "工程", 2026, "单位",
      "职改办", false, null, null, null, 1);
  private static final SessionReading.Key<List<String>> NAMES = new SessionReading.Key<>("names");

  @Test
  void theRecordAssemblesEveryStagesAnswers() {
    RecordFacts facts = new RecordFacts(List.of(
        reading -> Map.of("draw.random", Answer.yesNo(true, "可复算")),
        reading -> Map.of("publicity.duration", Answer.notReached("两轮公示尚未发布"))));

    assertThat(facts.compute(new SessionReading(SESSION)))
        .containsOnlyKeys("draw.random", "publicity.duration")
        .hasEntrySatisfying("draw.random", a -> assertThat(a.shown()).isEqualTo("是"));
  }

  @Test
  void twoStagesAnsweringOneFactStopTheRecordNamingTheFact() {
    RecordContribution draw = reading -> Map.of("draw.random", Answer.yesNo(true, "可复算"));
    RecordContribution another = reading -> Map.of("draw.random", Answer.yesNo(false, "不可复算"));

    assertThatThrownBy(() -> new RecordFacts(List.of(draw, another)).compute(new SessionReading(SESSION)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("draw.random");
  }

  @Test
  void aReadingReadsEachTableOnceHoweverManyStagesAskForIt() {
    List<Long> reads = new ArrayList<>();
    RecordContribution first = reading -> Map.of("a", Answer.of(String.valueOf(names(reading, reads).size()), ""));
    RecordContribution second = reading -> Map.of("b", Answer.of(names(reading, reads).get(0), ""));

    Map<String, Answer> answers = new RecordFacts(List.of(first, second)).compute(new SessionReading(SESSION));

    assertThat(answers.get("a").value()).isEqualTo("2");
    assertThat(answers.get("b").value()).isEqualTo("赵强");
    assertThat(reads).containsExactly(7L);
  }

  private static List<String> names(SessionReading reading, List<Long> reads) {
    return reading.once(NAMES, sessionId -> {
      reads.add(sessionId);
      return List.of("赵强", "李梅");
    });
  }
}
