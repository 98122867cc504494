package cn.gx.titlereview.record;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.archive.ArchiveRepository;
import cn.gx.titlereview.archive.ArchiveRepository.ArchiveFile;
import cn.gx.titlereview.calendar.MissingCalendarYearException;
import cn.gx.titlereview.draw.DrawCommitment;
import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.draw.DrawWindow;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.PanelQuota;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.expert.ContactLog;
import cn.gx.titlereview.library.LibrarySnapshots;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.publicity.PublicityDates;
import cn.gx.titlereview.publicity.PublicityPeriod;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.publicity.PublicityRepository.Complaint;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.review.ReviewRepository.Assignment;
import cn.gx.titlereview.review.ReviewRepository.VoteCount;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.training.PledgeRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.attestation.SessionAttestations;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The record's computed answers, by fact key (see record-form-default.json), each from the recorded data with its
 * evidence. Reads every table once per record, in bulk.
 */
@Component
class RecordFacts {

  /** What several parts of the record use, read once per record. */
  record Reads(List<Applicant> applicants, Map<Long, VoteCount> votes, List<RecheckFinding> findings,
      List<Applicant> passed, List<Applicant> finallyPassed, List<DrawnExpert> drawn,
      SessionAttestations attestations, List<GateResult> gateHistory, Map<Long, Assignment> assignments) {

    Map<String, Attestation> attested() {
      return attestations.current();
    }

    Map<String, GateResult> gates() {
      return GateResultRepository.latestOf(gateHistory);
    }
  }

  static final DateTimeFormatter TIME = PlatformConfig.MINUTES;
  /**
   * What the system recorded beside an attested item (key {@code beside.<attestation>}): the record shows it after
   * the attestation, so that 本人声明 and 工作人员代填 can be told apart there too.
   */
  static final String BESIDE = "beside.";

  private final DrawRepository draws;
  private final ImportBatchRepository batches;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final RecheckRepository rechecks;
  private final PublicityRepository publicity;
  private final ArchiveRepository archive;
  private final PublicityPeriod period;
  private final AttestationRepository attestations;
  private final GateResultRepository gateResults;
  private final DrawCommitment commitments;
  private final DrawWindow window;
  private final PublicityDates dates;
  private final ContactLog contacts;
  private final PledgeRepository pledges;
  private final RecusalDeclarations declarations;
  private final LibrarySnapshots snapshots;

  RecordFacts(DrawRepository draws, ImportBatchRepository batches, ApplicantRepository applicants,
      ReviewRepository reviews, RecheckRepository rechecks,
      PublicityRepository publicity, ArchiveRepository archive, PublicityPeriod period,
      AttestationRepository attestations, GateResultRepository gateResults, DrawCommitment commitments,
      DrawWindow window, PublicityDates dates, ContactLog contacts, PledgeRepository pledges,
      RecusalDeclarations declarations, LibrarySnapshots snapshots) {
    this.snapshots = snapshots;
    this.draws = draws;
    this.batches = batches;
    this.applicants = applicants;
    this.reviews = reviews;
    this.rechecks = rechecks;
    this.publicity = publicity;
    this.archive = archive;
    this.period = period;
    this.attestations = attestations;
    this.gateResults = gateResults;
    this.commitments = commitments;
    this.window = window;
    this.dates = dates;
    this.contacts = contacts;
    this.pledges = pledges;
    this.declarations = declarations;
  }

  Reads reads(long sessionId) {
    List<Applicant> all = applicants.list(sessionId);
    Map<Long, VoteCount> votes = reviews.votes(sessionId);
    List<Applicant> passed = RecheckService.passedAmong(all, votes);
    return new Reads(all, votes, rechecks.findings(sessionId), passed,
        RecheckService.notRevoked(passed, rechecks.revocations(sessionId), null), draws.drawn(sessionId),
        attestations.all(sessionId), gateResults.history(sessionId), reviews.assignments(sessionId));
  }

  Map<String, Answer> compute(ReviewSession session, Reads reads) {
    Map<String, Answer> facts = new HashMap<>();
    Map<String, GateResult> gates = reads.gates();
    Map<String, Attestation> attested = reads.attested();
    // What the experts' links add to 附件1 is there for sessions that used them only: an older record keeps the
    // wording it was signed on.
    boolean linked = contacts.used(session.id());
    drawFacts(session, reads.drawn(), gates, attested, linked, facts);
    reviewFacts(reads, facts);
    if (linked) {
      expertFacts(session, reads.drawn(), facts);
    }
    recheckFacts(session, reads, attested, facts);
    publicityFacts(session, gates, facts);
    archiveFacts(session, facts);
    return facts;
  }

  private void drawFacts(ReviewSession session, List<DrawnExpert> drawn, Map<String, GateResult> gates,
      Map<String, Attestation> attested, boolean linked, Map<String, Answer> facts) {
    Optional<Draw> draw = draws.find(session.id());
    facts.put("draw.consecutiveMasked", draw.isEmpty() ? Answer.notReached("尚未抽取专家")
        : Answer.yesNo(true, "抽取前已对比历年出席记录（评委会“" + session.committeeName() + "”），屏蔽 "
            + draws.exclusions(session.id()).size() + " 人"));
    Attestation official = attested.get("officialRosterTotal");
    Optional<LibrarySnapshots.Snapshot> snapshot = snapshots.of(session.id());
    var batch = batches.latest(session.id(), RosterImportService.KIND);
    if (snapshot.isPresent() && !snapshot.get().oneOff()) {
      // 一、5 by the library: the session drew from the committee's whole library as frozen at its roster gate.
      LibrarySnapshots.Snapshot s = snapshot.get();
      String version = snapshots.facts(s.committeeId(), s.version()).map(v -> "评委会专家库第 " + v.version()
          + " 版整库 " + v.expertCount() + " 人（" + v.createdBy() + " 于 " + TIME.format(v.createdAt()) + " 确认该版，"
          + TIME.format(s.takenAt()) + " 冻结）").orElse("评委会专家库第 " + s.version() + " 版");
      facts.put("roster.complete", official == null ? Answer.notReached("监督员尚未核对专家库总数")
          : Answer.yesNo(String.valueOf(s.expertCount()).equals(official.value()), version + "；监督员 "
              + official.attestedBy() + " 核对官方总数 " + official.value() + " 人"));
    } else if (batch.isEmpty() || official == null) {
      facts.put("roster.complete", Answer.notReached("尚未导入名册或监督员尚未核对总数"));
    } else {
      // The roster changes only by a whole import, which counts its rows into the batch in the same transaction.
      // A session frozen since the libraries exist says that its roster was its own, 单独导入 (an older record keeps
      // its words; a longer note would push the signatures off the record's last printed page).
      int count = batch.get().rowCount();
      facts.put("roster.complete", Answer.yesNo(String.valueOf(count).equals(official.value()),
          (snapshot.isPresent() ? "单独" : "") + "导入 " + count + " 人（文件 " + batch.get().fileName() + "，SHA-256 " + batch.get().sha256().substring(0, 16)
              + "…，" + batch.get().importedBy() + " 于 " + TIME.format(batch.get().importedAt()) + " 导入）；监督员 "
              + official.attestedBy() + " 核对官方总数 " + official.value() + " 人"));
    }
    if (draw.isEmpty()) {
      for (String key : List.of("draw.timely", "draw.offline", "draw.prescribedNumber", "draw.random",
          "draw.declinesRecorded")) {
        facts.put(key, Answer.notReached("尚未抽取专家"));
      }
    } else {
      Draw d = draw.get();
      boolean allAnswered = drawn.stream().filter(e -> DrawnExpert.MEMBER.equals(e.role()))
          .allMatch(e -> e.response() != null);
      List<Violation> late = window.check(session, d, drawn);
      String window = this.window.describe(this.window.plannedAtDraw(session, d));
      facts.put("draw.timely", !allAnswered ? Answer.notReached("尚有抽中评委未登记通知情况")
          : Answer.yesNo(late.isEmpty(), "于 " + TIME.format(d.drawnAt()) + " 抽取，规定" + window
              + "；" + (late.isEmpty() ? "抽取和通知均在规定时间内"
                  : late.stream().map(Violation::describe).collect(Collectors.joining("；")))
              + (linked ? "；" + delivered(session) : "")));
      facts.put("draw.offline", offlineAnswer(session, d, attested));
      long members = drawn.stream().filter(DrawnExpert::activeMember).count();
      facts.put("draw.prescribedNumber", Answer.yesNo(members >= d.panelSize(), "规定评委会 " + d.panelSize()
          + " 人（每组不少于 " + d.minPerGroup() + " 人）、候补 " + d.reserveCount() + " 人；现有评委 " + members + " 人"));
      // The draw's own algorithm in the words: an earlier SHA-256 draw reads as it did when its record was signed.
      String hash = HashAlgorithm.of(d.poolSha256()).label();
      String committed = commitments.find(session.id()).filter(c -> !c.offline() && c.confirmed())
          .map(c -> "；抽取前向监督员 " + c.confirmedBy() + " 承诺名单与随机数摘要（" + TIME.format(c.committedAt())
              + "），种子 = " + hash + "(随机数‖监督员短语)").orElse("");
      facts.put("draw.random", Answer.yesNo(true, "可抽取专家 " + d.poolSize() + " 人，名单 " + hash + " "
          + HashAlgorithm.hexOf(d.poolSha256()).substring(0, 16) + "…；随机种子 " + d.seedHex().substring(0, 16)
          + "…（可复算）" + committed));
      long declined = drawn.stream().filter(e -> DrawnExpert.DECLINED.equals(e.response())).count();
      long himself = drawn.stream().filter(e -> e.response() != null && e.answeredHimself()).count();
      long byStaff = drawn.stream().filter(e -> e.response() != null && !e.answeredHimself()).count();
      facts.put("draw.declinesRecorded", !allAnswered ? Answer.notReached("尚有抽中评委未登记出席情况")
          : Answer.yesNo(true, "不出席 " + declined + " 人，均已记录原因并由候补依次递补"
              + (linked ? "；本人答复 " + himself + " 人、工作人员代填 " + byStaff + " 人" : "")));
    }
    GateResult roster = gates.get("roster");
    GateResult drawGate = gates.get("draw");
    facts.put("draw.gates", roster == null || drawGate == null ? Answer.notReached("抽取合规检查尚未进行")
        : Answer.yesNo(roster.passed() && drawGate.passed(), gateEvidence(roster) + "；" + gateEvidence(drawGate)));
  }

  /** 联系记录 in one sentence: how many draw notices each channel delivered, and how many calls reached experts. */
  private String delivered(ReviewSession session) {
    Map<ContactLog.Channel, Integer> counts = contacts.delivered(session.id());
    return counts.isEmpty() ? "联系记录中无送达的通知（答复均由工作人员登记）" : "联系记录：" + counts.entrySet().stream()
        .map(e -> e.getKey().title() + switch (e.getKey()) {
          case PHONE -> "接通 " + e.getValue() + " 次";
          case OUTBOX -> " " + e.getValue() + " 条（未实际发送）";
          default -> "送达 " + e.getValue() + " 次";
        })
        .collect(Collectors.joining("、"));
  }

  /**
   * Beside the supervisor's answers on 附件2 (是否签订遵守专家工作纪律守则) and on recusal (遇到需要回避的情况，是否主动
   * 回避): how each attending expert's pledge and declaration came — from himself through his link, with the hash
   * and time, or typed in by staff.
   */
  private void expertFacts(ReviewSession session, List<DrawnExpert> drawn, Map<String, Answer> facts) {
    Set<Long> attending = drawn.stream().filter(DrawnExpert::attending).map(DrawnExpert::expertId)
        .collect(Collectors.toSet());
    if (attending.isEmpty()) {
      return;
    }
    List<PledgeRepository.ExpertPledge> pledged = pledges.expertPledges(session.id()).stream()
        .filter(p -> attending.contains(p.expertId())).toList();
    List<PledgeRepository.ExpertPledge> online = pledged.stream().filter(PledgeRepository.ExpertPledge::online)
        .toList();
    String texts = online.stream().map(PledgeRepository.ExpertPledge::textSha256).distinct()
        .collect(Collectors.joining("、"));
    String times = online.isEmpty() ? "" : online.size() == 1 ? TIME.format(online.get(0).recordedAt())
        : TIME.format(online.stream().map(PledgeRepository.ExpertPledge::recordedAt).min(Instant::compareTo)
            .orElseThrow()) + " 至 " + TIME.format(online.stream().map(PledgeRepository.ExpertPledge::recordedAt)
            .max(Instant::compareTo).orElseThrow());
    facts.put(BESIDE + "disciplinePledgesSigned", Answer.of(null, "系统记录：附件2 本人链接确认 " + online.size() + " 人"
        + (online.isEmpty() ? "" : "（" + times + "，文本 SHA-256 " + texts + "）") + "、纸质签字 "
        + (pledged.size() - online.size()) + " 人、未签 " + (attending.size() - pledged.size()) + " 人"));
    Map<Long, RecusalDeclarations.Declaration> declared = declarations.bySession(session.id());
    List<RecusalDeclarations.Declaration> theirs = declared.values().stream()
        .filter(d -> attending.contains(d.expertId())).toList();
    List<RecusalDeclarations.Declaration> own = theirs.stream().filter(RecusalDeclarations.Declaration::byExpert)
        .toList();
    facts.put(BESIDE + "disciplineRecusalObserved", Answer.of(null, "系统记录：回避申报本人声明 " + own.size()
        + " 人（须回避 " + own.stream().mapToInt(RecusalDeclarations.Declaration::conflicts).sum() + " 项）、工作人员代填 "
        + (theirs.size() - own.size()) + " 人、未申报 " + (attending.size() - theirs.size()) + " 人"));
  }

  private Answer offlineAnswer(ReviewSession session, Draw draw, Map<String, Attestation> attested) {
    if (!draw.offline()) {
      return Answer.yesNo(false, "在联网的服务器上抽取：种子由抽取承诺的随机数和监督员短语生成，可据名单复算");
    }
    Attestation machine = attested.get("drawOfflineMachine");
    String file = commitments.offlineResult(session.id())
        .map(r -> "离线抽取程序结果文件 SHA-256 " + r.fileSha256().substring(0, 16) + "…，由 " + r.uploadedBy() + " 于 "
            + TIME.format(r.uploadedAt()) + " 上传并通过复算核验").orElse("离线抽取结果文件");
    return machine == null ? Answer.notReached(file + "；监督员尚未确认抽取电脑未联网")
        : new Answer("是", file + "；监督员 " + machine.attestedBy() + " 于 " + TIME.format(machine.attestedAt())
            + " 确认：" + machine.value(), machine.attestedBy());
  }

  private static void reviewFacts(Reads reads, Map<String, Answer> facts) {
    Map<Long, Assignment> assignments = reads.assignments();
    List<Applicant> eligible = reads.applicants().stream().filter(Applicant::eligible).toList();
    if (assignments.isEmpty()) {
      facts.put("review.twoReaders", Answer.notReached("尚未分配审阅专家"));
    } else {
      long readTwice = eligible.stream().filter(a -> assignments.containsKey(a.id())
          && assignments.get(a.id()).readerIds().size() >= PanelQuota.READERS_PER_APPLICANT).count();
      facts.put("review.twoReaders", Answer.yesNo(readTwice == eligible.size(),
          eligible.size() + " 名进入评审的申报人中，" + readTwice + " 人有 2 名以上审阅专家"));
    }
  }

  private void recheckFacts(ReviewSession session, Reads reads, Map<String, Attestation> attested,
      Map<String, Answer> facts) {
    Attestation mode = attested.get("recheckMode");
    Attestation unit = attested.get("recheckUnit");
    facts.put("recheck.mode", mode == null ? Answer.notReached("尚未记录复核方式")
        : Answer.of("是（" + ("entrusted".equals(mode.value()) ? "委托复核" : "交叉审核") + "）",
            "复核单位：" + (unit == null ? "未填写" : unit.value()) + "；" + mode.attestedBy() + " 于 "
                + TIME.format(mode.attestedAt()) + " 填报"));
    List<Applicant> passed = reads.passed();
    Map<Long, Map<Integer, RecheckFinding>> findings = reads.findings().stream()
        .collect(Collectors.groupingBy(RecheckFinding::applicantId, Collectors.toMap(RecheckFinding::round, f -> f)));
    boolean complete = !passed.isEmpty() && passed.stream().allMatch(a -> findings.getOrDefault(a.id(), Map.of())
        .keySet().containsAll(List.of(1, 2)));
    if (!complete) {
      facts.put("recheck.dual", Answer.notReached("尚未完成两人复核"));
      facts.put("recheck.problemRatio", Answer.notReached("尚未完成两人复核"));
    } else {
      boolean dual = passed.stream().allMatch(a -> !findings.get(a.id()).get(1).recordedBy()
          .equals(findings.get(a.id()).get(2).recordedBy()));
      String people = passed.stream().flatMap(a -> findings.get(a.id()).values().stream())
          .map(RecheckFinding::recordedBy).distinct().sorted().collect(Collectors.joining("、"));
      facts.put("recheck.dual", Answer.yesNo(dual, "复核人：" + people + "；每名通过人员均由两人分别复核：" + (dual ? "是" : "否")));
      long problems = passed.stream().filter(a -> findings.get(a.id()).values().stream()
          .anyMatch(RecheckFinding::problem)).count();
      facts.put("recheck.problemRatio", Answer.of(RecordService.rate(problems, passed.size()),
          "复核存在问题 " + problems + " 人 / 通过 " + passed.size() + " 人"));
    }
    Attestation assessed = attested.get("rechecksFit");
    List<Attestation> unfit = reads.attestations().history("unfitRechecker");
    facts.put("recheck.unfitStaff", assessed == null && unfit.isEmpty() ? Answer.notReached("监督员尚未评估复核人员")
        : Answer.yesNo(!unfit.isEmpty(), unfit.isEmpty()
            ? "监督员 " + assessed.attestedBy() + " 于 " + TIME.format(assessed.attestedAt()) + " 评估：称职"
            : unfit.stream().map(a -> a.value() + "（监督员 " + a.attestedBy() + " 认定，已由他人重新复核）")
                .collect(Collectors.joining("；"))));
  }

  private void publicityFacts(ReviewSession session, Map<String, GateResult> gates, Map<String, Answer> facts) {
    Map<Integer, PublicityRound> rounds = publicity.rounds(session.id());
    Optional<PublicityRound> first = Optional.ofNullable(rounds.get(1));
    Optional<PublicityRound> second = Optional.ofNullable(rounds.get(2));
    GateResult firstGate = gates.get("publicity-1");
    GateResult secondGate = gates.get("publicity-2");
    List<Violation> implausible = dates.check(session, rounds);
    facts.put("publicity.twoRounds", firstGate == null || secondGate == null ? Answer.notReached("两轮公示尚未结束")
        : Answer.yesNo(firstGate.passed() && secondGate.passed() && implausible.isEmpty(), period(first) + "；"
            + period(second) + implausible.stream().map(v -> "；" + v.describe()).collect(Collectors.joining())));
    if (first.isEmpty() || second.isEmpty()) {
      facts.put("publicity.duration", Answer.notReached("两轮公示尚未发布"));
    } else {
      try {
        int shortest = Math.min(period.workingDays(first.get().startDate(), first.get().endDate()),
            period.workingDays(second.get().startDate(), second.get().endDate()));
        facts.put("publicity.duration", Answer.yesNo(shortest >= ReviewRules.Publicity.STATUTORY_MIN_WORKING_DAYS,
            "较短一轮为 " + shortest + " 个工作日（不含周末和法定节假日，按工作日历计算）"));
      } catch (MissingCalendarYearException e) {
        facts.put("publicity.duration", Answer.notReached(e.getMessage()));
      }
    }
    List<Complaint> complaints = publicity.complaints(session.id());
    long verified = complaints.stream().filter(Complaint::verified).count();
    String channels = "投诉举报渠道：" + java.util.stream.Stream.of(first, second).flatMap(Optional::stream)
        .map(r -> "第" + r.round() + "次（" + r.startDate() + " 至 " + r.endDate() + "）" + r.channel())
        .collect(Collectors.joining("；"));
    facts.put("publicity.complaints", first.isEmpty() && complaints.isEmpty() ? Answer.notReached("尚未发布公示")
        : Answer.of(complaints.size() + "/" + verified, complaints.isEmpty()
            ? "公示期间未收到信访件（登记的信访件为 0 件）；" + channels
            : complaints.stream().map(c -> "信访件 " + c.id() + "（" + c.channel() + "，" + TIME.format(c.receivedAt())
                + " 收到）" + (c.verified()
                ? "：" + (Boolean.TRUE.equals(c.substantiated()) ? "属实" : "不属实") + "，" + c.verifiedBy() + " 核查"
                : "：未核查")).collect(Collectors.joining("；")) + "；" + channels));
  }

  private void archiveFacts(ReviewSession session, Map<String, Answer> facts) {
    Map<String, List<ArchiveFile>> byItem = archive.files(session.id()).stream()
        .collect(Collectors.groupingBy(ArchiveFile::item));
    for (ArchiveItem item : ArchiveItem.values()) {
      List<ArchiveFile> files = byItem.getOrDefault(item.name(), List.of());
      facts.put("archive." + item.name(), files.isEmpty() ? Answer.notReached("尚未上传")
          : Answer.yesNo(true, files.stream().map(f -> f.fileName() + "（SHA-256 " + f.sha256().substring(0, 12)
              + "…，" + f.uploadedBy() + " 于 " + TIME.format(f.uploadedAt()) + "）").collect(Collectors.joining("；"))));
    }
  }

  private static String period(Optional<PublicityRound> round) {
    return round.map(r -> "第" + r.round() + "次 " + r.startDate() + " 至 " + r.endDate()).orElse("未发布");
  }

  static String gateEvidence(GateResult gate) {
    return (gate.gateName() == null ? gate.gateKey() : gate.gateName()) + "于 " + TIME.format(gate.checkedAt()) + (gate.passed() ? " 通过" : " 未通过（"
        + gate.violations().size() + " 项）") + (gate.checkedBy() == null ? "" : "，经办人 " + gate.checkedBy());
  }
}
