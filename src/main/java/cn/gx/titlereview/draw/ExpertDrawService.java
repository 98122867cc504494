package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.AttendanceHistory;
import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.draw.RosterRepository.PoolEntry;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.SealedFacts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert draw: per specialty group, a seeded random order over the active roster; the first of each group are
 * members, the next reserves. A declined member is replaced by the next reserve of the same group, on record.
 */
@Service
public class ExpertDrawService {

  static final Column CODE = required("expertCode", "专家编号", "expert.expert_code");
  static final Column ACCEPTED = required("accepted", "是否出席");
  static final Column REASON = optional("declineReason", "不出席原因", "drawn_expert.decline_reason");
  static final Column NOTIFIED_AT = optional("notifiedAt", "通知时间");
  public static final List<Column> RESPONSE_COLUMNS = List.of(CODE, ACCEPTED, REASON, NOTIFIED_AT);

  private final RosterRepository roster;
  private final DrawRepository draws;
  private final ApplicantRepository applicants;
  private final TableReader reader;
  private final AttendanceHistory history;
  private final DrawCommitment commitments;
  private final CryptoSettings crypto;
  private final SealedFacts sealed;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SecureRandom random = new SecureRandom();

  public ExpertDrawService(RosterRepository roster, DrawRepository draws, ApplicantRepository applicants,
      TableReader reader, AttendanceHistory history, DrawCommitment commitments, CryptoSettings crypto,
      SealedFacts sealed, Clock clock, ApplicationEventPublisher events) {
    this.roster = roster;
    this.draws = draws;
    this.applicants = applicants;
    this.reader = reader;
    this.history = history;
    this.commitments = commitments;
    this.crypto = crypto;
    this.sealed = sealed;
    this.clock = clock;
    this.events = events;
  }

  /** The specialty groups the session needs: those of its eligible applicants, in a fixed order. */
  public List<String> neededSpecialties(long sessionId) {
    return applicants.eligibleSpecialties(sessionId).stream().sorted().toList();
  }

  /**
   * The commitment before the draw: the hash of the eligible pool (by the profile's algorithm, which becomes the
   * draw's) and fresh server random bytes, of which the supervisor is shown only the hash.
   */
  @Transactional
  public DrawCommitment.Commitment commit(ReviewSession session) {
    byte[] random = new byte[32];
    this.random.nextBytes(random);
    Pool pool = scanPool(session, history.consecutiveAttendees(session.committeeId(), session.reviewYear()), null, Map.of(), crypto.hash());
    Instant now = clock.instant();
    commitments.commit(session.id(), pool.sha256(), HexFormat.of().formatHex(random), now);
    DrawCommitment.Commitment commitment = commitments.find(session.id()).orElseThrow();
    sealed.seal(SealedFact.of(SealedFact.DRAW_COMMITMENT, session.code(), now, "pool", commitment.poolSha256(),
        "random", commitment.randomSha256()));
    return commitment;
  }

  /** The supervisor's phrase completes the seed; the draw may then run. */
  @Transactional
  public void confirmCommitment(ReviewSession session, String phrase, String user) {
    confirm(session, phrase, false, user);
  }

  /** The supervisor chose the offline computer: the draw waits for the offline program's verified result. */
  @Transactional
  public void confirmForOfflineDraw(ReviewSession session, String user) {
    confirm(session, null, true, user);
  }

  private void confirm(ReviewSession session, String phrase, boolean offline, String user) {
    if (commitments.find(session.id()).isEmpty()) {
      throw new IllegalStateException("评审会 " + session.code() + " 尚未生成抽取承诺");
    }
    commitments.confirm(session.id(), phrase, offline, user, clock.instant());
  }

  /** One pass over the active roster: the eligible pool's named hash and size, each group's best, the masked ids. */
  private record Pool(String sha256, int size, Map<String, SeededOrder.Top<Long>> best, List<Long> maskedIds) {
  }

  /**
   * Reads the session's active experts once, in code order (kept from the import), and keeps nothing but what is
   * asked: the pool's hash as {@link ReproducibleDraw#poolHash} defines it, and, given a seed, the first
   * {@code take} of each group's seeded order by a bounded heap; both by the draw's hash.
   */
  private Pool scanPool(ReviewSession session, Set<String> masked, byte[] seed, Map<String, Integer> take,
      HashAlgorithm algorithm) {
    Set<String> needed = Set.copyOf(neededSpecialties(session.id()));
    ReproducibleDraw.PoolDigest digest = new ReproducibleDraw.PoolDigest(algorithm);
    Map<String, SeededOrder.Top<Long>> best = new HashMap<>();
    take.forEach((specialty, size) -> best.put(specialty, new SeededOrder.Top<>(seed, size, algorithm)));
    List<Long> maskedIds = new ArrayList<>();
    roster.forEachActiveByCode(session.id(), (id, code, specialty) -> {
      if (!needed.contains(specialty)) {
        return;
      }
      if (masked.contains(code)) {
        maskedIds.add(id);
        return;
      }
      digest.add(code);
      SeededOrder.Top<Long> top = best.get(specialty);
      if (top != null) {
        top.offer(id, code);
      }
    });
    return new Pool(digest.hash(), digest.count(), best, maskedIds);
  }

  /** The confirmed commitment, refused if the pool (its hash as read now) changed since it was made. */
  DrawCommitment.Commitment confirmedCommitment(ReviewSession session, String poolHash) {
    DrawCommitment.Commitment commitment = confirmedCommitment(session);
    if (!HashAlgorithm.same(commitment.poolSha256(), poolHash)) {
      throw new IllegalStateException("抽取名单在承诺之后发生了变化，须重新生成承诺");
    }
    return commitment;
  }

  private DrawCommitment.Commitment confirmedCommitment(ReviewSession session) {
    return commitments.find(session.id())
        .filter(DrawCommitment.Commitment::confirmed)
        .orElseThrow(() -> new IllegalStateException("评审会 " + session.code() + " 的抽取承诺尚未经监督员确认"));
  }

  /**
   * Draws with the committed seed (online) or the seed of the verified offline result; refuses if the pool changed
   * since the commitment. Reads the roster once, ranks as it reads, and keeps only each group's members and
   * reserves.
   */
  @Transactional
  public Draw draw(ReviewSession session, int panelSize, int reserveCount, int minPerGroup) {
    if (draws.find(session.id()).isPresent()) {
      throw new IllegalStateException("评审会 " + session.code() + " 已抽取过专家，不能重复抽取");
    }
    DrawCommitment.Commitment commitment = confirmedCommitment(session);
    String seedHex = commitment.offline() ? null : commitment.seedHex();
    Instant drawnAt = clock.instant();
    if (commitment.offline()) {
      DrawCommitment.OfflineResult offline = commitments.offlineResult(session.id())
          .orElseThrow(() -> new IllegalStateException("评审会 " + session.code() + " 的离线抽取结果尚未上传"));
      seedHex = offline.seedHex();
      drawnAt = offline.drawnAt();
    }
    byte[] seed = HexFormat.of().parseHex(seedHex);
    Map<String, PanelQuota> quotas = PanelQuota.allocate(panelSize, reserveCount, neededSpecialties(session.id()));
    Map<String, Integer> take = new HashMap<>();
    quotas.forEach((specialty, quota) -> take.put(specialty, quota.members() + quota.reserves()));
    Pool pool = scanPool(session, history.consecutiveAttendees(session.committeeId(), session.reviewYear()), seed, take, commitment.algorithm());
    confirmedCommitment(session, pool.sha256());
    List<Object[]> rows = new ArrayList<>();
    quotas.forEach((specialty, quota) -> {
      List<Long> ordered = pool.best().get(specialty).ordered();
      for (int i = 0; i < ordered.size(); i++) {
        rows.add(new Object[] {ordered.get(i), i + 1, i < quota.members() ? DrawnExpert.MEMBER : DrawnExpert.RESERVE});
      }
    });
    Draw draw = new Draw(pool.size(), commitment.poolSha256(), seedHex, panelSize, reserveCount, minPerGroup, drawnAt,
        commitment.offline() ? Draw.OFFLINE : Draw.ONLINE);
    // The reveal: what the commitment hid, now public, and the seed it makes (监管方案 二（一）2 随机抽取).
    DrawCommitment.OfflineResult offline = commitment.offline() ? commitments.offlineResult(session.id()).orElseThrow()
        : null;
    sealed.seal(SealedFact.of(SealedFact.DRAW_REVEAL, session.code(), clock.instant(), "pool", commitment.poolSha256(),
        "mode", draw.mode(), "random", offline != null ? offline.randomHex() : commitment.randomHex(),
        "phrase", offline != null ? offline.phrase() : commitment.phrase(), "seed", seedHex,
        "offline-result", offline != null ? offline.fileSha256() : ""));
    draws.insertDraw(session.id(), draw);
    draws.insertDrawn(session.id(), rows);
    draws.exclude(session.id(), pool.maskedIds(), "前 " + history.consecutiveYears() + " 年连续出席本评委会，对比屏蔽");
    events.publishEvent(new ExpertsCalled(session.id(), rows.stream()
        .filter(r -> DrawnExpert.MEMBER.equals(r[2])).map(r -> (Long) r[0]).toList()));
    return draw;
  }

  /** The active experts of a specialty who may be drawn: those not masked for consecutive attendance. */
  public List<PoolEntry> eligiblePool(ReviewSession session, String specialty, Set<String> masked) {
    return roster.activePool(session.id(), specialty).stream().filter(p -> !masked.contains(p.expertCode())).toList();
  }

  /** How many experts each needed specialty may draw from, after masking: counted by the database. */
  public Map<String, Integer> eligibleCounts(ReviewSession session) {
    Map<String, Integer> active = roster.activeCounts(session.id());
    roster.activeSpecialtiesOf(session.id(), history.consecutiveAttendees(session.committeeId(), session.reviewYear()))
        .forEach(specialty -> active.merge(specialty, -1, Integer::sum));
    Map<String, Integer> counts = new HashMap<>();
    neededSpecialties(session.id()).forEach(s -> counts.put(s, active.getOrDefault(s, 0)));
    return counts;
  }

  public List<DrawnExpert> drawn(long sessionId) {
    return draws.drawn(sessionId);
  }

  record Response(DrawnExpert expert, boolean accepted, String reason, Instant notifiedAt) {
  }

  /** Records notifications and answers, all or nothing; each decline brings in the next reserve of its group. */
  @Transactional
  public int recordResponses(ReviewSession session, ImportFile file, String user) {
    List<DrawnExpert> drawn = draws.drawn(session.id());
    if (drawn.isEmpty()) {
      throw new ImportException(List.of("评审会 " + session.code() + " 尚未抽取专家"));
    }
    Map<String, DrawnExpert> byCode = drawn.stream()
        .collect(Collectors.toMap(DrawnExpert::expertCode, Function.identity()));
    List<String> problems = new ArrayList<>();
    List<Response> responses = reader.read(file, RESPONSE_COLUMNS, CODE, row -> {
      String code = row.text(CODE);
      Boolean accepted = row.bool(ACCEPTED);
      String reason = row.text(REASON);
      Instant notifiedAt = row.dateTime(NOTIFIED_AT);
      DrawnExpert expert = code == null ? null : byCode.get(code);
      if (code != null && expert == null) {
        row.problem(CODE, code + " 不在本评审会的抽取结果中");
      } else if (expert != null && !DrawnExpert.MEMBER.equals(expert.role())) {
        row.problem(CODE, code + " 是候补，尚未递补为评委，不需登记");
      } else if (expert != null && expert.response() != null) {
        row.problem(CODE, code + " 已登记为" + (expert.attending() ? "出席" : "不出席") + "，不能重复登记");
      }
      if (Boolean.FALSE.equals(accepted) && reason == null) {
        row.problem(REASON, "不出席须注明原因");
      }
      return new Response(expert, Boolean.TRUE.equals(accepted), reason,
          notifiedAt == null ? clock.instant() : notifiedAt);
    });
    List<ExpertsAnswered.Answer> answered = new ArrayList<>();
    List<Long> called = new ArrayList<>();
    for (Response r : responses) {
      if (!answer(session.id(), r.expert(), r.accepted(), r.reason(), r.notifiedAt(), user, DrawnExpert.BY_STAFF,
          called)) {
        throw BusinessException.conflict(r.expert().expertCode() + " 刚刚已有答复，请刷新后查看，不能重复登记");
      }
      answered.add(new ExpertsAnswered.Answer(r.expert().expertId(), r.accepted(), DrawnExpert.BY_STAFF, user));
    }
    publish(session.id(), answered, called);
    return responses.size();
  }

  /**
   * The expert's own answer through his link (a member who has not answered yet): the same path as staff's import,
   * so that a decline promotes the next reserve exactly as there. Answers the expert as now recorded.
   */
  @Transactional
  public DrawnExpert answerForHimself(ReviewSession session, long expertId, boolean accepted, String reason,
      Instant notifiedAt) {
    DrawnExpert expert = draws.drawn(session.id()).stream().filter(d -> d.expertId() == expertId).findFirst()
        .orElseThrow(() -> BusinessException.notFound("不在本评审会的抽取结果中"));
    if (!DrawnExpert.MEMBER.equals(expert.role())) {
      throw BusinessException.conflict("尚未递补为评委，不需答复");
    }
    if (!accepted && (reason == null || reason.isBlank())) {
      throw BusinessException.badRequest("不出席须注明原因");
    }
    List<Long> called = new ArrayList<>();
    if (!answer(session.id(), expert, accepted, accepted ? null : reason.strip(), notifiedAt, null,
        DrawnExpert.BY_EXPERT, called)) {
      throw BusinessException.conflict("已有答复，不能重复答复");
    }
    publish(session.id(), List.of(new ExpertsAnswered.Answer(expertId, accepted, DrawnExpert.BY_EXPERT, null)),
        called);
    return draws.drawn(session.id()).stream().filter(d -> d.expertId() == expertId).findFirst().orElseThrow();
  }

  /** Records one answer once; a decline brings in the next reserve of the group, who is then called. */
  private boolean answer(long sessionId, DrawnExpert expert, boolean accepted, String reason, Instant notifiedAt,
      String user, String source, List<Long> called) {
    if (!draws.respond(sessionId, expert.expertId(), accepted ? DrawnExpert.ACCEPTED : DrawnExpert.DECLINED, reason,
        notifiedAt, user, source)) {
      return false;
    }
    if (!accepted) {
      nextReserve(sessionId, expert.specialty()).ifPresent(reserve -> {
        draws.promote(sessionId, reserve.expertId(), expert.expertId());
        called.add(reserve.expertId());
      });
    }
    return true;
  }

  private void publish(long sessionId, List<ExpertsAnswered.Answer> answered, List<Long> called) {
    events.publishEvent(new ExpertsAnswered(sessionId, answered));
    if (!called.isEmpty()) {
      events.publishEvent(new ExpertsCalled(sessionId, called));
    }
  }

  private Optional<DrawnExpert> nextReserve(long sessionId, String specialty) {
    return draws.drawn(sessionId).stream()
        .filter(d -> DrawnExpert.RESERVE.equals(d.role()) && d.specialty().equals(specialty))
        .min(Comparator.comparingInt(DrawnExpert::drawOrder));
  }
}
