package cn.gx.titlereview.oversight;

import cn.gx.titlereview.oversight.OversightRepository.FailedGate;
import cn.gx.titlereview.oversight.OversightRepository.SessionFact;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a session's row of the read model from its record (附件1, computed by {@link RecordService}, the same code
 * that answers the form): the figures of 评审基本情况, complaints, the gates that failed and whether each was
 * rectified, and the items answered 否. {@link #rebuild()} rewrites every row; {@link #differences} compares a row
 * with the record as it is now.
 */
@Component
class SessionFacts {

  private static final Logger log = LoggerFactory.getLogger(SessionFacts.class);
  private static final String NO = "否";

  private final OversightRepository repository;
  private final SessionRepository sessions;
  private final RecordService records;
  private final GateResultRepository gateResults;
  private final PublicityRepository publicity;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  SessionFacts(OversightRepository repository, SessionRepository sessions, RecordService records,
      GateResultRepository gateResults, PublicityRepository publicity, PlatformTransactionManager transactions,
      Clock clock) {
    this.repository = repository;
    this.sessions = sessions;
    this.records = records;
    this.gateResults = gateResults;
    this.publicity = publicity;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The session's row as its record gives it now, with the gates that failed. */
  Computed compute(ReviewSession session) {
    RecordService.Summary summary = records.summary(session);
    RecordService.Counts c = summary.counts();
    List<PublicityRepository.Complaint> complaints = publicity.complaints(session.id());
    Map<String, List<GateResult>> byGate = new LinkedHashMap<>();
    gateResults.history(session.id()).forEach(g -> byGate.computeIfAbsent(g.gateKey(), k -> new ArrayList<>()).add(g));
    List<FailedGate> failed = new ArrayList<>();
    byGate.forEach((key, runs) -> {
      long failures = runs.stream().filter(g -> !g.passed()).count();
      if (failures > 0) {
        GateResult last = runs.get(runs.size() - 1);
        failed.add(new FailedGate(key, last.gateName() == null ? key : last.gateName(), (int) failures,
            last.passed()));
      }
    });
    failed.sort(java.util.Comparator.comparing(FailedGate::gateKey));
    List<String> no = summary.form().sections().stream().flatMap(s -> s.groups().stream())
        .flatMap(g -> g.items().stream()).filter(i -> NO.equals(i.answer())).map(RecordForm.Item::text).toList();
    SessionFact fact = new SessionFact(session.id(), c.applicants(), c.passed(), c.applicantsPublic(),
        c.passedPublic(), c.applicantsEnterprise(), c.passedEnterprise(),
        c.recheckProblems() == null ? null : c.recheckProblems().intValue(), complaints.size(),
        (int) complaints.stream().filter(PublicityRepository.Complaint::verified).count(),
        failed.stream().mapToInt(FailedGate::failures).sum(), (int) failed.stream().filter(g -> !g.rectified()).count(),
        no, sessions.closure(session.id()).map(SessionRepository.Closure::outcome).orElse(null));
    return new Computed(fact, failed);
  }

  record Computed(SessionFact fact, List<FailedGate> gates) {
  }

  /** Rewrites the session's row in a transaction of its own: a failure leaves the previous row and is logged. */
  void refresh(ReviewSession session) {
    try {
      ownTransaction.executeWithoutResult(status -> {
        Computed computed = compute(session);
        repository.save(computed.fact(), computed.gates(), clock.instant());
      });
    } catch (RuntimeException e) {
      log.warn("Oversight figures of session {} not refreshed (rebuild rewrites them): {}", session.code(),
          e.toString());
    }
  }

  /** Rewrites every session's row from its record; returns how many. */
  int rebuild() {
    List<Long> ids = repository.sessionIds();
    ids.forEach(id -> refresh(sessions.get(id)));
    return ids.size();
  }

  /** Where the stored row differs from the record as it is now, in words; empty when they agree. */
  List<String> differences(ReviewSession session) {
    Computed now = compute(session);
    Optional<SessionFact> stored = repository.fact(session.id());
    if (stored.isEmpty()) {
      return List.of("评审会 " + session.code() + " 尚无统计数据");
    }
    List<String> differences = new ArrayList<>();
    SessionFact s = stored.get();
    SessionFact r = now.fact();
    compare("申报人数", s.applicants(), r.applicants(), differences);
    compare("通过人数", s.passed(), r.passed(), differences);
    compare("体制内事业单位申报人数", s.applicantsPublic(), r.applicantsPublic(), differences);
    compare("体制内事业单位通过人数", s.passedPublic(), r.passedPublic(), differences);
    compare("企业及其他申报人数", s.applicantsEnterprise(), r.applicantsEnterprise(), differences);
    compare("企业及其他通过人数", s.passedEnterprise(), r.passedEnterprise(), differences);
    compare("复核存在问题人数", s.recheckProblems(), r.recheckProblems(), differences);
    compare("信访件", s.complaintsReceived(), r.complaintsReceived(), differences);
    compare("已核查信访件", s.complaintsVerified(), r.complaintsVerified(), differences);
    compare("合规检查未通过次数", s.gateFailures(), r.gateFailures(), differences);
    compare("未整改的合规检查", s.gatesUnrectified(), r.gatesUnrectified(), differences);
    compare("记录表中答“否”的事项", s.noItems(), r.noItems(), differences);
    compare("结束情况", s.closedOutcome(), r.closedOutcome(), differences);
    compare("未通过的合规检查", repository.gates(session.id()), now.gates(), differences);
    return differences;
  }

  private static void compare(String what, Object stored, Object record, List<String> differences) {
    if (!Objects.equals(stored, record)) {
      differences.add(what + "：统计为 " + stored + "，记录表为 " + record);
    }
  }
}
