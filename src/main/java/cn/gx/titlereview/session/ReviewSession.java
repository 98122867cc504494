package cn.gx.titlereview.session;

import java.time.LocalDate;
import java.util.List;

/**
 * One review session (评审会) of a registered committee: the business key of its process instance is {@link #code()}.
 * The committee's name, level, series and units are kept as they were when the session started.
 */
public record ReviewSession(long id, String code, String committeeName, String level, String series, int reviewYear,
    String organisingUnit, String approvingUnit, boolean selfManaged, LocalDate plannedReviewStart,
    LocalDate plannedReviewEnd, String processInstanceId, long committeeId) {

  public static final List<String> LEVELS = List.of("正高", "副高", "中级", "初级");
  /** 中初级: the levels whose committees the plan treats apart (实地监督管理, an adjustable record form). */
  public static final List<String> INTERMEDIATE_AND_JUNIOR = List.of("中级", "初级");

  /** The same session with other planned review days (the plan before a re-plan). */
  public ReviewSession withPlannedReview(LocalDate start, LocalDate end) {
    return new ReviewSession(id, code, committeeName, level, series, reviewYear, organisingUnit, approvingUnit,
        selfManaged, start, end, processInstanceId, committeeId);
  }

  public boolean intermediateOrJunior() {
    return INTERMEDIATE_AND_JUNIOR.contains(level);
  }
}
