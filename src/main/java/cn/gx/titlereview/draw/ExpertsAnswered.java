package cn.gx.titlereview.draw;

import java.util.List;

/** Answers recorded for drawn members, by staff (an import) or by the expert himself (his link). */
public record ExpertsAnswered(long sessionId, List<Answer> answers) {

  /** One expert's answer; {@code source} is {@link DrawnExpert#BY_EXPERT} or {@link DrawnExpert#BY_STAFF}. */
  public record Answer(long expertId, boolean accepted, String source, String recordedBy) {
  }
}
