package cn.gx.titlereview.session;

import java.time.LocalDate;
import java.util.List;

/** What the start form (or {@code POST /api/sessions}) says about a new session, before it is stored. */
public record NewSession(String code, String committeeName, String level, String series, int reviewYear,
    String organisingUnit, String approvingUnit, boolean selfManaged, LocalDate plannedReviewStart,
    LocalDate plannedReviewEnd, List<String> staffUserIds, long committeeId) {
}
