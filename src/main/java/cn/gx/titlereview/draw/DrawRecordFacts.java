package cn.gx.titlereview.draw;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.library.LibrarySnapshots;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 附件1 评审前准备工作·抽取专家情况: the roster, the draw, its randomness, notices and declines, and the draw's gates. */
@Component
class DrawRecordFacts implements RecordContribution {

  private final DrawRepository draws;
  private final ImportBatchRepository batches;
  private final LibrarySnapshots snapshots;
  private final DrawCommitment commitments;
  private final DrawWindow window;
  private final AttestationRepository attestations;
  private final GateResultRepository gateResults;

  DrawRecordFacts(DrawRepository draws, ImportBatchRepository batches, LibrarySnapshots snapshots,
      DrawCommitment commitments, DrawWindow window, AttestationRepository attestations,
      GateResultRepository gateResults) {
    this.draws = draws;
    this.batches = batches;
    this.snapshots = snapshots;
    this.commitments = commitments;
    this.window = window;
    this.attestations = attestations;
    this.gateResults = gateResults;
  }

  @Override
  public Set<String> keys() {
    return Set.of("draw.consecutiveMasked", "roster.complete", "draw.timely", "draw.offline", "draw.prescribedNumber",
        "draw.random", "draw.declinesRecorded", "draw.gates");
  }

  @Override
  public Map<String, Answer> facts(SessionReading reading) {
    ReviewSession session = reading.session();
    Map<String, Attestation> attested = attestations.all(reading).current();
    Map<String, Answer> facts = new HashMap<>();
    Optional<Draw> draw = draws.find(session.id());
    facts.put("draw.consecutiveMasked", draw.isEmpty() ? Answer.notReached("尚未抽取专家")
        : Answer.yesNo(true, "抽取前已对比历年出席记录（评委会“" + session.committeeName() + "”），屏蔽 "
            + draws.exclusions(session.id()).size() + " 人"));
    facts.put("roster.complete", rosterComplete(session, attested.get("officialRosterTotal")));
    if (draw.isEmpty()) {
      for (String key : List.of("draw.timely", "draw.offline", "draw.prescribedNumber", "draw.random",
          "draw.declinesRecorded")) {
        facts.put(key, Answer.notReached("尚未抽取专家"));
      }
    } else {
      drawn(session, draw.get(), draws.drawn(reading), attested, facts);
    }
    Map<String, GateResult> gates = GateResultRepository.latestOf(gateResults.history(reading));
    GateResult roster = gates.get("roster");
    GateResult drawGate = gates.get("draw");
    facts.put("draw.gates", roster == null || drawGate == null ? Answer.notReached("抽取合规检查尚未进行")
        : Answer.yesNo(roster.passed() && drawGate.passed(), roster.describe() + "；" + drawGate.describe()));
    return facts;
  }

  /** The roster (一、5) drawn from against the official total the supervisor checked. */
  private Answer rosterComplete(ReviewSession session, Attestation official) {
    Optional<LibrarySnapshots.Snapshot> snapshot = snapshots.of(session.id());
    var batch = batches.latest(session.id(), RosterImportService.KIND);
    if (snapshot.isPresent() && !snapshot.get().oneOff()) {
      // By the library: the session drew from the committee's whole library as frozen at its roster gate.
      LibrarySnapshots.Snapshot s = snapshot.get();
      String version = snapshots.facts(s.committeeId(), s.version()).map(v -> "评委会专家库第 " + v.version()
          + " 版整库 " + v.expertCount() + " 人（" + v.createdBy() + " 于 " + MINUTES.format(v.createdAt()) + " 确认该版，"
          + MINUTES.format(s.takenAt()) + " 冻结）").orElse("评委会专家库第 " + s.version() + " 版");
      return official == null ? Answer.notReached("监督员尚未核对专家库总数")
          : Answer.yesNo(String.valueOf(s.expertCount()).equals(official.value()), version + "；监督员 "
              + official.attestedBy() + " 核对官方总数 " + official.value() + " 人");
    }
    if (batch.isEmpty() || official == null) {
      return Answer.notReached("尚未导入名册或监督员尚未核对总数");
    }
    // The roster changes only by a whole import, which counts its rows into the batch in the same transaction.
    // A session frozen since the libraries exist says that its roster was its own, 单独导入 (an older record keeps
    // its words; a longer note would push the signatures off the record's last printed page).
    int count = batch.get().rowCount();
    return Answer.yesNo(String.valueOf(count).equals(official.value()),
        (snapshot.isPresent() ? "单独" : "") + "导入 " + count + " 人（文件 " + batch.get().fileName() + "，SHA-256 "
            + batch.get().sha256().substring(0, 16) + "…，" + batch.get().importedBy() + " 于 "
            + MINUTES.format(batch.get().importedAt()) + " 导入）；监督员 " + official.attestedBy() + " 核对官方总数 "
            + official.value() + " 人");
  }

  /** The draw's answers once it is made. What experts' links add is the expert stage's, beside these answers. */
  private void drawn(ReviewSession session, Draw d, List<DrawnExpert> drawn, Map<String, Attestation> attested,
      Map<String, Answer> facts) {
    boolean allAnswered = DrawnExpert.allMembersAnswered(drawn);
    List<Violation> late = window.check(session, d, drawn);
    String planned = window.describe(window.plannedAtDraw(session, d));
    facts.put("draw.timely", !allAnswered ? Answer.notReached("尚有抽中评委未登记通知情况")
        : Answer.yesNo(late.isEmpty(), "于 " + MINUTES.format(d.drawnAt()) + " 抽取，规定" + planned + "；"
            + (late.isEmpty() ? "抽取和通知均在规定时间内"
                : late.stream().map(Violation::describe).collect(Collectors.joining("；")))));
    facts.put("draw.offline", offline(session, d, attested));
    long members = drawn.stream().filter(DrawnExpert::activeMember).count();
    facts.put("draw.prescribedNumber", Answer.yesNo(members >= d.panelSize(), "规定评委会 " + d.panelSize()
        + " 人（每组不少于 " + d.minPerGroup() + " 人）、候补 " + d.reserveCount() + " 人；现有评委 " + members + " 人"));
    // The draw's own algorithm in the words: an earlier SHA-256 draw reads as it did when its record was signed.
    String hash = HashAlgorithm.of(d.poolSha256()).label();
    String committed = commitments.find(session.id()).filter(c -> !c.offline() && c.confirmed())
        .map(c -> "；抽取前向监督员 " + c.confirmedBy() + " 承诺名单与随机数摘要（" + MINUTES.format(c.committedAt())
            + "），种子 = " + hash + "(随机数‖监督员短语)").orElse("");
    facts.put("draw.random", Answer.yesNo(true, "可抽取专家 " + d.poolSize() + " 人，名单 " + hash + " "
        + HashAlgorithm.hexOf(d.poolSha256()).substring(0, 16) + "…；随机种子 " + d.seedHex().substring(0, 16)
        + "…（可复算）" + committed));
    long declined = drawn.stream().filter(e -> DrawnExpert.DECLINED.equals(e.response())).count();
    facts.put("draw.declinesRecorded", !allAnswered ? Answer.notReached("尚有抽中评委未登记出席情况")
        : Answer.yesNo(true, "不出席 " + declined + " 人，均已记录原因并由候补依次递补"));
  }

  private Answer offline(ReviewSession session, Draw draw, Map<String, Attestation> attested) {
    if (!draw.offline()) {
      return Answer.yesNo(false, "在联网的服务器上抽取：种子由抽取承诺的随机数和监督员短语生成，可据名单复算");
    }
    Attestation machine = attested.get("drawOfflineMachine");
    String file = commitments.offlineResult(session.id())
        .map(r -> "离线抽取程序结果文件 SHA-256 " + r.fileSha256().substring(0, 16) + "…，由 " + r.uploadedBy() + " 于 "
            + MINUTES.format(r.uploadedAt()) + " 上传并通过复算核验").orElse("离线抽取结果文件");
    return machine == null ? Answer.notReached(file + "；监督员尚未确认抽取电脑未联网")
        : new Answer("是", file + "；监督员 " + machine.attestedBy() + " 于 " + MINUTES.format(machine.attestedAt())
            + " 确认：" + machine.value(), machine.attestedBy());
  }
}
