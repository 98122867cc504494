package cn.gx.titlereview.draw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many members and reserves each specialty group gets: the prescribed committee size and reserves from the
 * DMN table {@code ExpertPanelSize}, spread evenly over the specialties of the eligible applicants (the first
 * specialties in order take the remainder).
 */
public record PanelQuota(int members, int reserves) {

  /** 监管方案 二（一）4：确保每个评议组专家不少于3人. A DMN value may raise it, never lower it. */
  public static final int STATUTORY_MIN_GROUP_SIZE = 3;

  /** 附件1 评委培训及评审情况 3：是否有2名以上专家审阅同一申报者材料. */
  public static final int READERS_PER_APPLICANT = 2;

  public static int minGroupSize(int dmnMinPerGroup) {
    return Math.max(STATUTORY_MIN_GROUP_SIZE, dmnMinPerGroup);
  }

  public static Map<String, PanelQuota> allocate(int panelSize, int reserveCount, List<String> sortedSpecialties) {
    Map<String, PanelQuota> quotas = new LinkedHashMap<>();
    int k = sortedSpecialties.size();
    for (int i = 0; i < k; i++) {
      int members = panelSize / k + (i < panelSize % k ? 1 : 0);
      int reserves = reserveCount / k + (i < reserveCount % k ? 1 : 0);
      quotas.put(sortedSpecialties.get(i), new PanelQuota(members, reserves));
    }
    return quotas;
  }
}
