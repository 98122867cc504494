package cn.gx.titlereview.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A title-review committee (评委会) of the registry: its organising unit, the unit that approved its formation and
 * therefore supervises it (监管方案 三（二）谁批准组建，谁负责监管), the industry department where there is one, its
 * 核准/备案文号 and term, and whether it may hold sessions.
 */
public record Committee(long id, String code, String name, String level, String series, List<String> specialties,
    long organisingUnitId, long approvingUnitId, Long industryDepartmentId, boolean selfManaged, String approvalNo,
    LocalDate validFrom, LocalDate validTo, CommitteeStatus status, String statusReason, boolean migrated) {

  /** 监管方案 一：高级、中级、初级评委会. */
  public static final List<String> LEVELS = List.of("高级", "中级", "初级");
  /** The session levels each committee level reviews. */
  public static final Map<String, List<String>> SESSION_LEVELS = Map.of(
      "高级", List.of("正高", "副高"), "中级", List.of("中级"), "初级", List.of("初级"));

  /** Why the committee cannot start a session on {@code day}, in Chinese; empty when it can. */
  public Optional<String> whyNoSessionOn(LocalDate day) {
    if (status != CommitteeStatus.ACTIVE) {
      return Optional.of("评委会“" + name + "”（" + code + "）已" + status.label()
          + (statusReason == null ? "" : "（" + statusReason + "）") + "，不能发起评审会");
    }
    if (validFrom != null && day.isBefore(validFrom)) {
      return Optional.of("评委会“" + name + "”（" + code + "）的核准有效期自 " + validFrom + " 起，尚未开始，不能发起评审会");
    }
    if (validTo != null && day.isAfter(validTo)) {
      return Optional.of("评委会“" + name + "”（" + code + "）的核准有效期已于 " + validTo + " 届满"
          + (approvalNo == null ? "" : "（" + approvalNo + "）") + "，须重新核准或备案后才能发起评审会");
    }
    return Optional.empty();
  }

  /** Whether a session of {@code sessionLevel} (正高、副高、中级、初级) belongs to this committee's level. */
  public boolean reviews(String sessionLevel) {
    return SESSION_LEVELS.getOrDefault(level, List.of()).contains(sessionLevel);
  }
}
