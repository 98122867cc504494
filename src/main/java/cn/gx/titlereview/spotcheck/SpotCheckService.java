package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.draw.SeededOrder;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.session.ReviewSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 核准单位在确认评审结果前应对评审结果进行一定比例的抽查复核 (监管方案 三（二）): a random sample of the passed
 * applicants, drawn with the expert draw's reproducible method (the seed is kept, so anyone can recompute it), and
 * a finding per sampled applicant. More problems than the threshold send the results back to recheck.
 */
@Service
public class SpotCheckService {

  private final SpotCheckRepository spotChecks;
  private final RecheckService recheckService;
  private final Clock clock;
  private final int problemThresholdPercent;
  private final SecureRandom random = new SecureRandom();

  public SpotCheckService(SpotCheckRepository spotChecks, RecheckService recheckService, Clock clock,
      @Value("${titlereview.spot-check.problem-threshold-percent:0}") int problemThresholdPercent) {
    this.spotChecks = spotChecks;
    this.recheckService = recheckService;
    this.clock = clock;
    this.problemThresholdPercent = problemThresholdPercent;
  }

  /** Draws the sample: ratio percent of the passed applicants, rounded up, at least one. */
  @Transactional
  public SpotCheck draw(ReviewSession session, int ratioPercent, String user) {
    if (ratioPercent < 1 || ratioPercent > 100) {
      throw new IllegalArgumentException("抽查比例应为 1 至 100 之间的整数（百分比），实际为 " + ratioPercent);
    }
    List<Applicant> pool = recheckService.finallyPassed(session.id());
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    int size = pool.isEmpty() ? 0 : Math.max(1, (int) Math.ceil(pool.size() * ratioPercent / 100.0));
    List<Long> sample = sample(pool, seed, size);
    spotChecks.insert(session.id(), spotChecks.nextAttempt(session.id()), ratioPercent, HexFormat.of().formatHex(seed),
        pool.size(), sample, user, clock.instant());
    return spotChecks.latest(session.id()).orElseThrow();
  }

  /** The sample for a seed: the first applicants of the seeded order of the pool, by applicant number. */
  static List<Long> sample(List<Applicant> pool, byte[] seed, int size) {
    return SeededOrder.order(pool, Applicant::applicantNo, seed).stream().limit(size).map(Applicant::id).toList();
  }

  /**
   * Records the approver's findings: the listed applicants (申报编号 and what is wrong, one per line) have a problem,
   * every other sampled applicant has none. Refuses a line that names no sampled applicant.
   */
  @Transactional
  public SpotCheck recordFindings(ReviewSession session, String problemLines, String user) {
    SpotCheck check = spotChecks.latest(session.id())
        .orElseThrow(() -> new IllegalArgumentException("评审会 " + session.code() + " 尚未抽取抽查对象"));
    Map<String, SpotCheck.Item> sampled = check.items().stream()
        .collect(Collectors.toMap(SpotCheck.Item::applicantNo, Function.identity()));
    Map<String, String> problems = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    String[] lines = problemLines == null ? new String[0] : problemLines.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("[\\s，,：:]+", 2);
      if (!sampled.containsKey(parts[0])) {
        refused.add("第 " + (i + 1) + " 行：" + parts[0] + " 不是本次抽查对象");
      } else if (parts.length < 2 || parts[1].isBlank()) {
        refused.add("第 " + (i + 1) + " 行：请在申报编号后写明问题");
      } else {
        problems.put(parts[0], parts[1].trim());
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException("抽查结论未登记：" + String.join("；", refused));
    }
    for (SpotCheck.Item item : check.items()) {
      String problem = problems.get(item.applicantNo());
      spotChecks.recordFinding(session.id(), check.attempt(), item.applicantId(), problem != null, problem, user,
          clock.instant());
    }
    return spotChecks.latest(session.id()).orElseThrow();
  }

  /** Whether the results may be confirmed: every sampled applicant has a finding, problems within the threshold. */
  public boolean passes(SpotCheck check) {
    return check.recorded() == check.items().size()
        && check.problems() * 100 <= (long) problemThresholdPercent * check.items().size();
  }
}
