package cn.gx.titlereview.spotcheck;

import java.time.Instant;
import java.util.List;

/** One spot-check of a session's passed applicants by the approving unit, with its seed for recomputation. */
public record SpotCheck(int attempt, int ratioPercent, String seedHex, int poolSize, String drawnBy,
    Instant drawnAt, List<Item> items) {

  public record Item(long applicantId, String applicantNo, String name, int sampleOrder, Boolean problem,
      String note, String recordedBy) {
  }

  public long problems() {
    return items.stream().filter(i -> Boolean.TRUE.equals(i.problem())).count();
  }

  public long recorded() {
    return items.stream().filter(i -> i.problem() != null).count();
  }
}
