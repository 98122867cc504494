package cn.gx.titlereview.region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One committee opened to another organization for a stated period, for an inspection the plan names (监管方案
 * 三（二）：交叉检查、联合检查、委派第三方督查). It ends by itself after {@code validTo}, or earlier when revoked.
 */
public record Grant(long id, long committeeId, long granteeId, String purpose, String reason, LocalDate validFrom,
    LocalDate validTo, Long inspectionId, String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt) {

  public static final List<String> PURPOSES = List.of("交叉检查", "联合检查", "委派第三方督查");

  public boolean activeOn(LocalDate day) {
    return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
  }
}
