package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.archive.ArchivePackage;
import cn.gx.titlereview.demo.DemoSessionFiller;
import cn.gx.titlereview.draw.DrawCommandLine;
import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.expert.ContactLog;
import cn.gx.titlereview.draw.DrawVerification;
import cn.gx.titlereview.draw.OfflineDrawService;
import cn.gx.titlereview.draw.ReproducibleDraw;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.publicity.ComplaintService;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.record.SignatureRepository;
import cn.gx.titlereview.spotcheck.SpotCheckRepository;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestClock;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.transparency.Checkpoint;
import cn.gx.titlereview.transparency.LogCommandLine;
import cn.gx.titlereview.transparency.LogEntry;
import cn.gx.titlereview.transparency.Proofs;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.TransparencyLog;
import cn.gx.titlereview.transparency.TransparencySettings;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A complete session with realistic data (60 applicants, a roster of 240), through every stage to the approving
 * unit's confirmation, each task completed by a user of its group, with two gate failures rectified on the way.
 * Run on H2 and on PostgreSQL by its subclasses. It runs on the days a real session would take, in June 2026 (the
 * application's {@link TestClock} set step by step): drawn on Monday 1 June for a review on 3–5 June, rechecked on
 * the evening of the 5th, published 8–12 June and 15–22 June (端午 on the 19th), archived and signed on the 23rd.
 */
abstract class WholeSessionScenario {

  @Autowired TestRegion region;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired SessionRepository sessions;
  @Autowired GateResultRepository gateResults;
  @Autowired PublicityRepository publicity;
  @Autowired RecordService records;
  @Autowired SignatureRepository signatures;
  @Autowired SpotCheckRepository spotChecks;
  @Autowired ComplaintService complaints;
  @Autowired cn.gx.titlereview.review.DisciplineIncidents incidents;
  @Autowired cn.gx.titlereview.recheck.RecheckService recheckService;
  @Autowired DrawVerification verification;
  @Autowired OfflineDrawService offlineDraw;
  @Autowired DrawRepository draws;
  @Autowired TaskDriver tasks;
  @Autowired SessionWalk walk;
  @Autowired TestClock clock;
  @Autowired TransparencyLog transparencyLog;
  @Autowired TransparencySettings transparency;
  @Autowired ArchivePackage packages;
  @Autowired SigningKey signingKey;
  @TempDir Path dir;
  @Autowired ContactLog contacts;

  static final LocalDate REVIEW_START = LocalDate.of(2026, 6, 3);

  private String code;

  @BeforeEach
  void monday1June() {
    clock.set("2026-06-01T10:00");
  }

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void aSessionRunsFromPreparationToConfirmation() throws Exception {
    ReviewSession session = start("WS-");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count())
        .isEqualTo(2);

    // 评审准备: completing the task before importing anyone fails the gate, which names what is missing.
    complete("staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);
    Task rectify = openTask("staff1", "Task_RectifyEligibility");
    assertThat((String) taskService.getVariable(rectify.getId(), "gateViolations")).contains("尚未导入申报人员名单");
    fill("staff1");
    complete("staff1", "Task_RectifyEligibility", "rectificationNote", "已导入申报人员及资格审查结果");
    assertThat(latest(session).get("eligibility").passed()).isTrue();

    // 专家抽取
    fill("staff1");
    complete("staff1", "Task_ImportRoster", "rosterImported", true);
    complete("supervisor1", "Task_ConfirmRosterAndPresence", "officialRosterTotal", DemoSessionFiller.ROSTER,
        "supervisorPresentAtDraw", "yes");
    assertThat(latest(session).get("roster").passed()).isTrue();
    // The supervisor adds a phrase to the committed random bytes; only then is the draw made.
    complete("supervisor1", "Task_ConfirmDrawCommitment", "drawPhrase", "公平公正，随机抽取");
    // The draw's commit sent every member his notice (the demo outbox stands for the SMS gateway).
    assertThat(contacts.entries(session.id())).filteredOn(e -> e.outcome() == ContactLog.Outcome.SENT)
        .hasSize(25).allMatch(e -> e.messageText().contains("/e/"));
    fill("staff1");
    complete("staff1", "Task_RecordExpertResponses", "expertResponsesRecorded", true);
    assertThat(latest(session).get("draw").passed()).isTrue();

    // 评前培训与签署: each staff member signs their own pledge; nobody signs for another, not even by assignment.
    Task staff4Pledge = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("Task_SignStaffPledge").taskAssignee("staff4").singleResult();
    assertThatThrownBy(() -> as("staff1", () -> {
      taskService.complete(staff4Pledge.getId(), Map.of("pledgeConfirmed", true));
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("admin", () -> {
      taskService.setAssignee(staff4Pledge.getId(), "staff1");
      return null;
    })).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("承诺书须由本人签署");
    completeAssigned("staff1", "Task_SignStaffPledge", "pledgeConfirmed", true);
    assertThatThrownBy(() -> completeAssigned("staff4", "Task_SignStaffPledge"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("请勾选");
    completeAssigned("staff4", "Task_SignStaffPledge", "pledgeConfirmed", true);
    completeAssigned("staff3", "Task_SignStaffPledge", "pledgeConfirmed", true);
    fill("staff1");
    complete("staff1", "Task_RecordTrainingAndExpertPledges", "trainingCoursewareWatched", "yes",
        "trainingPolicyAndSoftware", "yes", "expertPledgesRecorded", true);
    assertThat(latest(session).get("pledges").passed()).isTrue();

    // 封闭评审
    fill("staff1");
    complete("staff1", "Task_FormReviewGroups", "reviewGroupsFormed", true);
    // staff3 enters the votes (and the review times, 3 June 09:00–17:00) after the review, and so may not recheck them.
    clock.set("2026-06-05T18:00");
    fill("staff3");
    complete("staff3", "Task_RecordVotes", "votesRecorded", true, "plenaryDeliberationHeld", "yes",
        "keyMinutesKept", "yes");
    Object[] discipline = {"disciplineClosedManagement", "yes", "disciplineUnifiedLodging", "yes",
        "disciplineSupervisorPresent", "yes", "disciplinePledgesSigned", "yes", "disciplineBadgesWorn", "yes",
        "disciplinePhonesKept", "yes", "disciplineRecusalObserved", "yes", "disciplineLobbyingFound", "no",
        "disciplineLeftVenue", "no", "disciplineOtherViolation", "yes"};
    complete("supervisor1", "Task_AttestDiscipline", discipline);
    // 其他违纪 found: an incident is open, and the gate holds until the supervisor disposes of it.
    assertThat((String) taskService.getVariable(openTask("staff1", "Task_RectifyReview").getId(), "gateViolations"))
        .contains("其他方面是否有违反评审工作纪律的情形：是，尚未处理");
    long incident = incidents.list(session.id()).get(0).id();
    incidents.dispose(session.id(), incident, "工作人员在评审期间使用个人手机", "工作人员 staff4", "批评教育，手机交统一保管",
        "supervisor1", java.time.Instant.now());
    complete("staff1", "Task_RectifyReview", "rectificationNote", "违纪事件已处理");
    assertThat(latest(session).get("review").violations()).isEmpty();

    // 结果复核: two different people, neither of whom entered the votes.
    assertThatThrownBy(() -> fill("staff3")).hasMessageContaining("staff3 录入了本评审会的表决结果，不能复核");
    fill("staff1");
    complete("staff1", "Task_FirstRecheck", "recheckMode", "cross", "recheckUnit", "柳州市人社局", "firstRecheckDone",
        true);
    fill("staff4");
    complete("staff4", "Task_SecondRecheck", "secondRecheckDone", true);
    complete("supervisor1", "Task_AssessRecheckers", "rechecksFit", "yes");
    assertThat(latest(session).get("recheck").passed()).isTrue();

    // 第一次公示: under five working days is refused in the task, and so is a start before the review and the
    // rechecks; an empty end date becomes the fifth working day.
    clock.set("2026-06-06T09:00");
    assertThatThrownBy(() -> openPublicity(LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 10)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("仅 3 个工作日");
    assertThatThrownBy(() -> openPublicity(LocalDate.of(2026, 6, 3), null))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("早于评审结束时间 2026-06-03 17:00")
        .hasMessageContaining("早于两人复核完成时间 2026-06-05 18:00");
    openPublicity(LocalDate.of(2026, 6, 8), null);
    assertThat(publicity.round(session.id(), 1).orElseThrow().endDate()).isEqualTo(LocalDate.of(2026, 6, 12));
    // A complaint opens a verification task; left unverified, it stops the round at the supervisor's rectification.
    clock.set("2026-06-09T10:00");
    long complaint = as("staff1", () -> complaints.receive(session, "电话", "SB0001", "反映论文代写", "staff1"));
    clock.set("2026-06-13T09:00");
    complete("supervisor1", "Task_VerifyComplaints", "complaintsVerified", true);
    assertThat((String) taskService.getVariable(openTask("supervisor1", "Task_RectifyPublicity").getId(),
        "gateViolations")).contains("信访件 " + complaint);
    // Substantiated: SB0001's result goes back to recheck, and the round holds until the supervisor disposes of it.
    complete("supervisor1", "Task_VerifyComplaint", "complaintSubstantiated", "yes",
        "complaintFinding", "论文查重率偏高，需复核", "complaintAction", "转结果复核");
    complete("supervisor1", "Task_RectifyPublicity", "rectificationNote", "信访件已核查，待复核处理");
    assertThat((String) taskService.getVariable(openTask("supervisor1", "Task_RectifyPublicity").getId(),
        "gateViolations")).contains("申报人 SB0001", "须重新复核");
    recheckService.dispose(session, "SB0001", "CONFIRMED", "复核后确认论文为本人完成", "supervisor1");
    complete("supervisor1", "Task_RectifyPublicity", "rectificationNote", "已复核并确认");
    assertThat(latest(session).get("publicity-1").passed()).isTrue();

    // 第二次公示: after the first ended; 端午 (19 June) is not a working day.
    assertThatThrownBy(() -> openPublicity(LocalDate.of(2026, 6, 12), null))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("应晚于第1次公示的结束日期 2026-06-12");
    openPublicity(LocalDate.of(2026, 6, 15), null);
    assertThat(publicity.round(session.id(), 2).orElseThrow().endDate()).isEqualTo(LocalDate.of(2026, 6, 22));
    clock.set("2026-06-23T09:00");
    complete("supervisor1", "Task_VerifyComplaints", "complaintsVerified", true);
    assertThat(latest(session).get("publicity-2").passed()).isTrue();

    // 归档
    fill("staff1");
    complete("staff1", "Task_UploadArchive", "archiveUploaded", true);
    assertThat(latest(session).get("archive").passed()).isTrue();

    // 签字与报送, after the archive
    clock.set("2026-06-23T15:00");
    assertThat(latest(session).get("record").passed()).isTrue();
    complete("unithead1", "Task_UnitHeadSignRecord", "signConfirmed", true);
    complete("supervisor1", "Task_SupervisorSignRecord", "signConfirmed", true);
    String sha256 = records.hash(session);
    assertThat(signatures.list(session.id())).extracting(SignatureRepository.Signature::recordSha256)
        .containsExactly(sha256, sha256);

    // 抽查复核: 10% of the 46 passed, rounded up, drawn reproducibly (committed, then revealed); no problem found.
    clock.set("2026-06-24T10:00");
    assertThat((String) taskService.getVariable(openTask("approver1", "Task_SetSpotCheck").getId(),
        "spotCheckRandomSha256")).startsWith("sm3:").hasSize(68);
    complete("approver1", "Task_SetSpotCheck", "spotCheckRatio", 10, "spotCheckPhrase", "核准单位抽查复核");
    assertThat(spotChecks.latest(session.id()).orElseThrow().items()).hasSize(5);
    complete("approver1", "Task_RecordSpotCheck", "spotCheckProblems", "");
    assertThat(spotChecks.latest(session.id()).orElseThrow().recorded()).isEqualTo(5);
    // A complaint arriving after signing changes the record: the approver's confirmation sends it back to be signed,
    // and, outside any round, the main process opens its verification.
    as("staff1", () -> complaints.receive(session, "信件", "SB0002", "公示结束后收到的举报", "staff1"));
    assertThat(records.form(session).signatures()).noneMatch(RecordForm.SignatureView::valid);
    complete("supervisor1", "Task_VerifyLateComplaint", "complaintSubstantiated", "no", "complaintFinding",
        "经核实，举报内容与事实不符");
    complete("approver1", "Task_ConfirmResults", "resultsConfirmed", "yes");
    assertThat(latest(session).get("signatures").passed()).isFalse();
    clock.set("2026-06-25T10:00");
    complete("unithead1", "Task_UnitHeadSignRecord", "signConfirmed", true);
    complete("supervisor1", "Task_SupervisorSignRecord", "signConfirmed", true);
    complete("approver1", "Task_SetSpotCheck", "spotCheckRatio", 10, "spotCheckPhrase", "第二次抽查复核");
    complete("approver1", "Task_RecordSpotCheck", "spotCheckProblems", "");
    complete("approver1", "Task_ConfirmResults", "resultsConfirmed", "yes");
    assertThat(records.form(session).signatures()).extracting(RecordForm.SignatureView::valid)
        .containsExactly(false, false, true, true);

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).unfinished()
        .count()).isZero();
    // 评审结果已确认: the session is closed, by the approver who confirmed, and frozen from now on.
    assertThat(sessions.closure(session.id())).get().extracting(SessionRepository.Closure::outcome,
        SessionRepository.Closure::closedBy).containsExactly("CONFIRMED", "approver1");
    assertThat(latest(session).values()).allMatch(GateResult::passed).hasSize(11);
    // 60 applicants, 6 of them ineligible; of the 54 voted on, every seventh (8) falls short of two thirds.
    RecordForm.Basics basics = records.form(session).basics();
    assertThat(basics.applicants()).isEqualTo(60);
    assertThat(basics.passed()).isEqualTo(46);
    assertThat(basics.passRate()).isEqualTo("76.7%");
    assertThat(records.form(session).sections()).flatExtracting(RecordForm.Section::groups)
        .flatExtracting(RecordForm.Group::items).filteredOn(i -> !i.answer().equals("未完成"))
        .hasSizeGreaterThanOrEqualTo(30);

    // 透明日志: every fact the session sealed is a leaf of the region's log, and its archive package proves its own
    // inclusion offline, against the checkpoint file the server wrote to be published.
    assertThat(transparencyLog.leavesOf(code)).extracting(LogEntry::kind).contains(SealedFact.DRAW_COMMITMENT,
        SealedFact.DRAW_REVEAL, SealedFact.RECORD_SIGNATURE, SealedFact.SPOT_CHECK_COMMITMENT,
        SealedFact.SPOT_CHECK_REVEAL);
    assertThat(transparencyLog.leavesOf(code)).filteredOn(l -> l.kind().equals(SealedFact.RECORD_SIGNATURE))
        .allMatch(l -> l.leaf().contains("record: sm3:"));
    evidence = Evidence.of(session, packages.build(session, "staff1"), signingKey, transparency, dir);
    assertThat(evidence.logVerify("--checkpoint", evidence.checkpoint().toString(), "--package",
        evidence.zip().toString())).isZero();
    assertThat(transparencyLog.leavesOf(code)).extracting(LogEntry::kind).contains(SealedFact.ARCHIVE_MANIFEST);
    afterwards(session);
  }

  /**
   * What a supervisor keeps of a finished session: its archive package, the checkpoint file the server wrote when it
   * was packed, and the server's public key, as files.
   */
  record Evidence(Path zip, Path checkpoint, Path publicKey, Path dir) {

    static Evidence of(ReviewSession session, byte[] zip, SigningKey key, TransparencySettings settings, Path dir)
        throws java.io.IOException {
      Checkpoint packed = Checkpoint.parse(Proofs.read(entry(zip, "transparency-proof.json"),
          Proofs.Inclusion.class).checkpoint());
      Path written = Path.of(settings.checkpointDirectory()).resolve(TransparencyLog.fileName(packed.size()));
      Path kept = Files.copy(written, dir.resolve("保存的检查点-" + packed.size() + ".txt"));
      return new Evidence(Files.write(dir.resolve(session.code() + "-归档包.zip"), zip), kept,
          Files.writeString(dir.resolve("公钥.pem"), key.publicKeyPem()), dir);
    }

    /** The jar's {@code log-verify} with the public key and these arguments; what it printed goes to {@link #said}. */
    int logVerify(String... args) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
      List<String> all = new java.util.ArrayList<>(List.of("log-verify", "--public-key", publicKey.toString()));
      all.addAll(List.of(args));
      int exit = LogCommandLine.run(all.toArray(String[]::new), print, print);
      said.set(out.toString(java.nio.charset.StandardCharsets.UTF_8));
      return exit;
    }

    static final ThreadLocal<String> said = new ThreadLocal<>();

    static byte[] entry(byte[] zip, String name) throws java.io.IOException {
      try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip),
          java.nio.charset.StandardCharsets.UTF_8)) {
        for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().equals(name)) {
            return in.readAllBytes();
          }
        }
      }
      throw new AssertionError("归档包中没有 " + name);
    }
  }

  Evidence evidence;

  /** What a subclass checks on the finished session. */
  void afterwards(ReviewSession session) throws Exception {
  }

  /** Publicity in March 2026: long past, so the round's timer is due at once. */
  private void openPublicity(LocalDate start, LocalDate end) {
    complete("staff1", "Task_OpenPublicity", "publicityStart", start.toString(),
        "publicityEnd", end == null ? "" : end.toString(),
        "complaintChannel", "电话 0771-0000000；邮箱 jubao@example.invalid");
  }

  /**
   * 在不联网的电脑上抽取: the pool file goes to the offline computer, the jar's draw-offline command draws there, and
   * the result counts only once uploaded, verified, and vouched for by the supervisor.
   */
  @Test
  void anOfflineDrawCountsOnlyAfterItsResultIsVerifiedAndTheSupervisorVouchesForTheComputer() throws Exception {
    ReviewSession session = start("WS-OFF-");
    walk.toRosterConfirmation(code);
    complete("supervisor1", "Task_ConfirmRosterAndPresence", "officialRosterTotal", DemoSessionFiller.ROSTER,
        "supervisorPresentAtDraw", "yes");
    // A supervisor who is also on the session's staff may not vouch for a draw they run: not even the claim holds.
    dualRoleStaff(session, "staffsupervisor1");
    assertThatThrownBy(() -> complete("staffsupervisor1", "Task_ConfirmDrawCommitment", "drawOffline", true))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("不能监督本人经办的抽取");
    assertThat(openTask("supervisor1", "Task_ConfirmDrawCommitment").getAssignee()).isNull();
    complete("supervisor1", "Task_ConfirmDrawCommitment", "drawOffline", true);
    assertThatThrownBy(() -> complete("staff1", "Task_ImportOfflineDraw"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("尚未上传离线抽取结果文件");

    Path dir = Files.createTempDirectory("offline-draw");
    Path pool = dir.resolve("名单.json");
    Path result = dir.resolve("结果.json");
    Files.writeString(pool, ReproducibleDraw.FILES.writeValueAsString(as("staff1", () -> verification.pool(session))));
    assertThat(DrawCommandLine.run(new String[] {"draw-offline", "--pool", pool.toString(), "--phrase", "监督员现场短语",
        "--out", result.toString()}, System.out, System.err, new SecureRandom(), clock)).isZero();
    String seed = ReproducibleDraw.FILES.readValue(result.toFile(), ReproducibleDraw.ResultFile.class).seedHex();
    as("staff1", () -> offlineDraw.accept(session, new ImportFile("结果.json", Files.readAllBytes(result)), "staff1"));
    complete("staff1", "Task_ImportOfflineDraw");
    assertThat(draws.find(session.id())).isEmpty();
    complete("supervisor1", "Task_AttestOfflineMachine", "drawOfflineMachine", "职改办抽取专用机，已拔除网线并关闭无线网卡");
    DrawRepository.Draw draw = draws.find(session.id()).orElseThrow();
    assertThat(draw.offline()).isTrue();
    assertThat(draw.seedHex()).isEqualTo(seed);

    fill("staff1");
    complete("staff1", "Task_RecordExpertResponses", "expertResponsesRecorded", true);
    assertThat(latest(session).get("draw").passed()).isTrue();
    RecordForm.Item offline = records.form(session).item("是否在不联网的电脑上抽取").orElseThrow();
    assertThat(offline.answer()).isEqualTo("是");
    assertThat(offline.evidence()).contains("supervisor1").contains("已拔除网线").contains("通过复算核验");
    assertThat(records.form(session).item("是否按规定时间抽取并通知评委").orElseThrow().answer()).isEqualTo("是");
  }

  private void dualRoleStaff(ReviewSession session, String user) {
    if (identityService.createUserQuery().userId(user).count() == 0) {
      identityService.saveUser(identityService.newUser(user));
      region.account(user, "GX-UNIT-A", "工作人员、纪检监督员");
    }
    sessions.addStaff(session.id(), List.of(user));
  }

  private ReviewSession start(String prefix) {
    code = prefix + getClass().getSimpleName() + "-" + System.nanoTime();
    return walk.start(code, "staff4,staff3", REVIEW_START);
  }

  private Map<String, GateResult> latest(ReviewSession session) {
    return gateResults.latest(session.id());
  }

  private void fill(String user) {
    walk.fill(code, user);
  }

  private void complete(String user, String taskKey, Object... variables) {
    walk.complete(code, user, taskKey, variables);
  }

  private void completeAssigned(String user, String taskKey, Object... variables) {
    walk.completeAssigned(code, user, taskKey, variables);
  }

  private Task openTask(String user, String taskKey) {
    return walk.openTask(code, user, taskKey);
  }

  private void runJobs() {
    tasks.runJobs();
  }

  private <T> T as(String user, java.util.concurrent.Callable<T> action) {
    return tasks.as(user, action);
  }
}
