package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.draw.ReproducibleDraw;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.SealedFacts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 核准单位在确认评审结果前应对评审结果进行一定比例的抽查复核 (监管方案 三（二）): a random sample of the passed
 * applicants, drawn as the expert draw is (commit, then reveal: the pool and random bytes are fixed by their hashes
 * before the ratio is set, the approver adds a phrase, and after the draw everything is revealed so that anyone
 * recomputes the sample), and a finding per sampled applicant. More problems than the threshold send the results back to recheck.
 */
@Service
public class SpotCheckService {

  private final SpotCheckRepository spotChecks;
  private final RecheckService recheckService;
  private final Clock clock;
  private final CryptoSettings crypto;
  private final SealedFacts sealed;
  private final int problemThresholdPercent;
  private final SecureRandom random = new SecureRandom();

  public SpotCheckService(SpotCheckRepository spotChecks, RecheckService recheckService, Clock clock,
      CryptoSettings crypto, SealedFacts sealed, ReviewRules rules) {
    this.spotChecks = spotChecks;
    this.recheckService = recheckService;
    this.clock = clock;
    this.crypto = crypto;
    this.sealed = sealed;
    this.problemThresholdPercent = rules.spotCheck().problemThresholdPercent();
  }

  /** The group name under which {@code POST /api/draw/verify} recomputes a spot-check's order. */
  public static final String VERIFY_GROUP = "抽查";

  /**
   * Before the ratio is set: fixes the pool (the passed applicants' numbers, sorted) and 32 random bytes for the next
   * attempt, and shows only their hashes (by the profile's algorithm), as the expert draw's commitment does.
   */
  @Transactional
  public SpotCheck.Commitment commit(ReviewSession session) {
    List<String> pool = recheckService.finallyPassed(session.id()).stream().map(Applicant::applicantNo).sorted()
        .toList();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    HashAlgorithm hash = crypto.hash();
    SpotCheck.Commitment commitment = new SpotCheck.Commitment(spotChecks.nextAttempt(session.id()), pool,
        ReproducibleDraw.poolHash(pool, hash), HexFormat.of().formatHex(bytes), hash.named(bytes), clock.instant());
    spotChecks.commit(session.id(), commitment);
    sealed.seal(SealedFact.of(SealedFact.SPOT_CHECK_COMMITMENT, session.code(), commitment.committedAt(),
        "attempt", String.valueOf(commitment.attempt()), "pool", commitment.poolSha256(), "random",
        commitment.randomSha256()));
    return commitment;
  }

  /**
   * Draws the sample from the committed pool: ratio percent of it, rounded up, at least one, in the order the seed
   * H(committed random bytes ‖ approver's phrase) gives, H the commitment's hash. The random bytes and phrase are revealed from now on.
   */
  @Transactional
  public SpotCheck draw(ReviewSession session, int ratioPercent, String phrase, String user) {
    if (ratioPercent < 1 || ratioPercent > 100) {
      throw new IllegalArgumentException("抽查比例应为 1 至 100 之间的整数（百分比），实际为 " + ratioPercent);
    }
    if (phrase == null || phrase.trim().length() < ReproducibleDraw.MIN_PHRASE_LENGTH) {
      throw new IllegalArgumentException("请输入不少于 " + ReproducibleDraw.MIN_PHRASE_LENGTH
          + " 个字的抽查短语（由核准单位自拟，抽取后公开）");
    }
    int attempt = spotChecks.nextAttempt(session.id());
    SpotCheck.Commitment commitment = spotChecks.commitment(session.id(), attempt)
        .orElseThrow(() -> new IllegalArgumentException("评审会 " + session.code() + " 尚未生成第 " + attempt
            + " 次抽查承诺"));
    HashAlgorithm hash = HashAlgorithm.of(commitment.poolSha256());
    String seedHex = ReproducibleDraw.seedHex(commitment.randomHex(), phrase.trim(), hash);
    List<String> pool = commitment.pool();
    int size = pool.isEmpty() ? 0 : Math.max(1, (int) Math.ceil(pool.size() * ratioPercent / 100.0));
    Map<String, Long> ids = recheckService.passedApplicants(session.id()).stream()
        .collect(Collectors.toMap(Applicant::applicantNo, Applicant::id));
    List<Long> sample = sample(pool, seedHex, size, hash).stream().map(ids::get).toList();
    Instant now = clock.instant();
    spotChecks.insert(session.id(), attempt, ratioPercent, seedHex, phrase.trim(), pool.size(), sample, user, now);
    SpotCheck drawn = spotChecks.latest(session.id()).orElseThrow();
    sealed.seal(SealedFact.of(SealedFact.SPOT_CHECK_REVEAL, session.code(), now, "attempt", String.valueOf(attempt),
        "pool", commitment.poolSha256(), "ratio", ratioPercent + "%", "random", commitment.randomHex(), "phrase",
        phrase.trim(), "seed", seedHex, "sample", String.join(",", drawn.sample())));
    return drawn;
  }

  /** The sample for a seed: the first {@code size} applicant numbers of the pool's seeded order. */
  public static List<String> sample(List<String> pool, String seedHex, int size, HashAlgorithm algorithm) {
    return ReproducibleDraw.orders(Map.of(VERIFY_GROUP, pool), seedHex, algorithm).get(VERIFY_GROUP).stream()
        .limit(size).toList();
  }

  /**
   * Recomputes a drawn spot-check from what it reveals: the pool against its committed hash, the random bytes against
   * theirs, the seed from random bytes and phrase, the sample from pool and seed. Empty when all agree.
   */
  public static List<String> verify(SpotCheck check) {
    SpotCheck.Commitment c = check.commitment();
    if (c == null || check.phrase() == null) {
      return List.of("第 " + check.attempt() + " 次抽查没有抽取承诺（早于承诺机制的抽查），只能按种子复算");
    }
    List<String> problems = new ArrayList<>();
    HashAlgorithm hash = check.algorithm();
    String label = hash.label();
    if (!HashAlgorithm.same(ReproducibleDraw.poolHash(c.pool(), hash), c.poolSha256())) {
      problems.add("抽查名单与承诺的 " + label + " 不符");
    }
    if (!HashAlgorithm.matches(c.randomSha256(), HexFormat.of().parseHex(c.randomHex()))) {
      problems.add("公开的随机数与承诺的 " + label + " 不符");
    }
    if (!ReproducibleDraw.seedHex(c.randomHex(), check.phrase(), hash).equals(check.seedHex())) {
      problems.add("随机种子不等于 " + label + "(随机数‖短语)");
    }
    if (!sample(c.pool(), check.seedHex(), check.items().size(), hash).equals(check.sample())) {
      problems.add("按名单和种子复算的抽查名单与记录不符");
    }
    return problems;
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
