package cn.gx.titlereview.draw;

import static cn.gx.titlereview.platform.crypto.HashAlgorithm.SM3;
import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.library.AttendanceHistory;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ExpertDrawTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ExpertDrawService drawService;
  @Autowired DrawRepository draws;
  @Autowired DrawGate gate;
  @Autowired DrawVerification verification;
  @Autowired AttendanceHistory attendanceHistory;
  @Autowired cn.gx.titlereview.preparation.ApplicantImportService applicantImport;
  @Autowired RosterImportService rosterImport;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void drawsMembersAndOrderedReservesPerSpecialtyFromActiveExpertsOnly() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    List<DrawnExpert> drawn = drawService.drawn(session.id());
    assertThat(drawn).filteredOn(d -> d.role().equals(DrawnExpert.MEMBER)).hasSize(11);
    assertThat(drawn).filteredOn(d -> d.role().equals(DrawnExpert.RESERVE)).hasSize(4);
    assertThat(drawn).filteredOn(d -> d.specialty().equals("土木工程") && d.role().equals(DrawnExpert.MEMBER))
        .hasSize(6);
    assertThat(drawn).extracting(DrawnExpert::expertCode).doesNotContain("E40");
    assertThat(draws.find(session.id()).orElseThrow().poolSize()).isEqualTo(39);
  }

  @Test
  void theDrawIsTheSeededOrderOfThePoolAndCanBeRecomputed() {
    ReviewSession session = fixture.sessionWithRoster();
    DrawRepository.Draw draw = fixture.draw(session, 11, 4, 3);
    List<String> drawnCivil = drawService.drawn(session.id()).stream()
        .filter(d -> d.specialty().equals("土木工程")).map(DrawnExpert::expertCode).toList();
    List<String> civilPool = java.util.stream.IntStream.rangeClosed(1, 40).filter(i -> i % 2 == 0 && i != 40)
        .mapToObj(i -> String.format("E%02d", i)).toList();
    List<String> recomputed = SeededOrder.order(civilPool, c -> c, SeededOrder.seed(draw.seedHex()), SM3);
    assertThat(drawnCivil).isEqualTo(recomputed.subList(0, drawnCivil.size()));
    assertThat(SeededOrder.order(civilPool, c -> c, SeededOrder.seed("00".repeat(32)), SM3))
        .isNotEqualTo(recomputed);
  }

  @Test
  void anyoneWithThePoolFileAndTheSeedRecomputesTheDrawAndThePoolHash() {
    ReviewSession session = fixture.sessionWithRoster();
    DrawRepository.Draw draw = fixture.draw(session, 11, 4, 3);
    ReproducibleDraw.PoolFile pool = verification.pool(session);
    DrawVerification.Result result = verification.verify(pool.groups(), draw.seedHex(), null);
    assertThat(result.poolHash()).startsWith("sm3:").isEqualTo(pool.poolHash()).isEqualTo(draw.poolSha256());
    for (String specialty : pool.groups().keySet()) {
      List<String> drawnInOrder = drawService.drawn(session.id()).stream()
          .filter(d -> d.specialty().equals(specialty)).sorted(java.util.Comparator.comparingInt(DrawnExpert::drawOrder))
          .map(DrawnExpert::expertCode).toList();
      assertThat(result.orders().get(specialty).subList(0, drawnInOrder.size())).isEqualTo(drawnInOrder);
    }
    assertThat(verification.verify(pool.groups(), "ab".repeat(32), "sm3").orders()).isNotEqualTo(result.orders());
    assertThatThrownBy(() -> verification.verify(pool.groups(), "not-hex", null)).hasMessageContaining("十六进制");
  }

  @Test
  void aRosterImportedBeforeItsCodeOrderWasKeptIsDrawnTheSameWay() {
    ReviewSession session = fixture.sessionWithRoster();
    // Rosters imported before V25 have no rank: the pool is read whole and sorted by code in Java.
    jdbc.sql("update expert set code_rank = null where session_id = ?").param(session.id()).update();
    DrawRepository.Draw draw = fixture.draw(session, 11, 4, 3);
    ReproducibleDraw.PoolFile pool = verification.pool(session);
    DrawVerification.Result result = verification.verify(pool.groups(), draw.seedHex(), null);
    assertThat(draw.poolSha256()).isEqualTo(result.poolHash());
    for (String specialty : pool.groups().keySet()) {
      List<String> drawnInOrder = drawService.drawn(session.id()).stream()
          .filter(d -> d.specialty().equals(specialty)).sorted(java.util.Comparator.comparingInt(DrawnExpert::drawOrder))
          .map(DrawnExpert::expertCode).toList();
      assertThat(drawnInOrder).isNotEmpty();
      assertThat(result.orders().get(specialty).subList(0, drawnInOrder.size())).isEqualTo(drawnInOrder);
    }
  }

  @Test
  void theDrawGateNeedsTwoMembersWithoutAnEmployerConflictForEveryApplicant() {
    // Six members of 土木工程; those numbered up to the conflict count work for the applicant's employer.
    assertThat(gate.check(context(sessionWithConflicts(4)))).isEmpty();
    assertThat(gate.check(context(sessionWithConflicts(5)))).extracting(Violation::rule, Violation::finding)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("回避同单位专家",
            "评议组“土木工程”中与其不同单位的评委仅 1 人，不足 2 名审阅专家"));
  }

  private ReviewSession sessionWithConflicts(int conflicting) {
    ReviewSession session = data.session("正高");
    applicantImport.replace(session, data.json(List.of(row("applicantNo", "SB01", "name", "申报人", "employer", "单位1",
        "employerType", "企业及其他", "level", "正高", "series", "工程", "specialty", "土木工程", "eligibility", "通过"))),
        "staff1");
    List<Map<String, Object>> experts = new java.util.ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      experts.add(row("expertCode", "C0" + i, "name", "专家" + i, "employer", i <= conflicting ? "单位1" : "单位2",
          "specialty", "土木工程", "title", "正高级工程师", "phone", "13800000000", "status", "在库"));
    }
    rosterImport.replace(session, data.json(experts), "staff1");
    fixture.draw(session, 6, 0, 3);
    acceptAllOpen(session);
    return session;
  }

  @Test
  void expertsWhoAttendedEachOfTheLastThreeYearsAreMaskedFromTheDraw() {
    ReviewSession session = fixture.sessionWithRoster("屏蔽测试评委会");
    List<Map<String, Object>> history = new java.util.ArrayList<>();
    for (int year : new int[] {2023, 2024, 2025}) {
      history.add(row("reviewYear", year, "expertCode", "E02"));
    }
    history.add(row("reviewYear", 2023, "expertCode", "E04"));
    history.add(row("reviewYear", 2025, "expertCode", "E04"));
    attendanceHistory.importHistory(session.committeeId(), session.committeeName(), data.json(history), "staff1");
    ReviewSession other = data.session("正高", "另一评委会");
    attendanceHistory.importHistory(other.committeeId(), other.committeeName(),
        data.json(List.of(row("reviewYear", 2024, "expertCode", "E06"))), "staff1");
    assertThat(attendanceHistory.consecutiveAttendees(session.committeeId(), session.reviewYear()))
        .containsExactly("E02");
    DrawRepository.Draw draw = fixture.draw(session, 11, 4, 3);
    assertThat(drawService.drawn(session.id())).extracting(DrawnExpert::expertCode).doesNotContain("E02");
    assertThat(draws.exclusions(session.id())).extracting(DrawRepository.Exclusion::expertCode, 
        DrawRepository.Exclusion::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("E02", "前 3 年连续出席本评委会，对比屏蔽"));
    assertThat(draw.poolSize()).isEqualTo(38);
    assertThat(verification.pool(session).groups().get("土木工程")).doesNotContain("E02");
  }

  @Test
  void theSeedIsTheCommittedRandomBytesWithTheSupervisorsPhraseAndNoDrawWithoutThem() {
    ReviewSession session = fixture.sessionWithRoster();
    assertThatThrownBy(() -> drawService.draw(session, 11, 4, 3)).hasMessageContaining("抽取承诺尚未经监督员确认");
    DrawCommitment.Commitment commitment = drawService.commit(session);
    assertThat(commitment.randomSha256())
        .isEqualTo(SM3.named(java.util.HexFormat.of().parseHex(commitment.randomHex())));
    assertThatThrownBy(() -> drawService.draw(session, 11, 4, 3)).hasMessageContaining("尚未经监督员确认");
    drawService.confirmCommitment(session, "秉公抽取", "supervisor1");
    DrawRepository.Draw draw = drawService.draw(session, 11, 4, 3);
    assertThat(draw.poolSha256()).isEqualTo(commitment.poolSha256());
    java.io.ByteArrayOutputStream seed = new java.io.ByteArrayOutputStream();
    seed.writeBytes(java.util.HexFormat.of().parseHex(commitment.randomHex()));
    seed.writeBytes("秉公抽取".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(draw.seedHex()).isEqualTo(SM3.digestHex(seed.toByteArray()));
  }

  @Test
  void aPoolThatChangedAfterTheCommitmentIsRefused() {
    ReviewSession session = fixture.sessionWithRoster("承诺后变更评委会");
    drawService.commit(session);
    drawService.confirmCommitment(session, "秉公抽取", "supervisor1");
    List<Map<String, Object>> history = new java.util.ArrayList<>();
    for (int year : new int[] {2023, 2024, 2025}) {
      history.add(row("reviewYear", year, "expertCode", "E04"));
    }
    attendanceHistory.importHistory(session.committeeId(), session.committeeName(), data.json(history), "staff1");
    assertThatThrownBy(() -> drawService.draw(session, 11, 4, 3)).hasMessageContaining("抽取名单在承诺之后发生了变化");
    assertThat(draws.find(session.id())).isEmpty();
  }

  @Test
  void aSessionIsDrawnOnlyOnce() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    assertThatThrownBy(() -> drawService.draw(session, 11, 4, 3)).hasMessageContaining("不能重复抽取");
  }

  @Test
  void theGateHoldsWhenEveryMemberAnsweredAndAcceptedOrWasReplaced() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    DrawnExpert first = members(session).get(0);
    respond(session, row("expertCode", first.expertCode(), "accepted", false, "declineReason", "出国访问"));
    DrawnExpert replacement = drawService.drawn(session.id()).stream()
        .filter(d -> first.expertCode().equals(d.replacesExpertCode())).findFirst().orElseThrow();
    assertThat(replacement.specialty()).isEqualTo(first.specialty());
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .containsOnly("已抽中，但尚未登记通知及是否出席");
    acceptAllOpen(session);
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void theGateFailsWhenDeclinesExhaustTheReserves() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    for (int round = 0; round < 4; round++) {
      DrawnExpert open = members(session).stream()
          .filter(d -> d.specialty().equals("电气工程") && d.response() == null).findFirst().orElseThrow();
      respond(session, row("expertCode", open.expertCode(), "accepted", false, "declineReason", "身体原因"));
    }
    acceptAllOpen(session);
    assertThat(gate.check(context(session))).extracting(Violation::subject, Violation::rule).contains(
        org.assertj.core.groups.Tuple.tuple("评议组“电气工程”", "按规定人数抽取"));
  }

  @Test
  void aDeclineWithoutReasonOrAnUnknownExpertRejectsTheWholeFile() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    String member = members(session).get(0).expertCode();
    assertThatThrownBy(() -> respond(session, row("expertCode", member, "accepted", true),
        row("expertCode", "E99", "accepted", true),
        row("expertCode", members(session).get(1).expertCode(), "accepted", false)))
        .isInstanceOf(ImportException.class)
        .satisfies(e -> assertThat(((ImportException) e).problems()).containsExactly(
            "第 2 条「专家编号」：E99 不在本评审会的抽取结果中", "第 3 条「不出席原因」：不出席须注明原因"));
    assertThat(members(session)).allMatch(d -> d.response() == null);
  }

  private List<DrawnExpert> members(ReviewSession session) {
    return drawService.drawn(session.id()).stream().filter(d -> d.role().equals(DrawnExpert.MEMBER)).toList();
  }

  @SafeVarargs
  private void respond(ReviewSession session, Map<String, Object>... rows) {
    drawService.recordResponses(session, data.json(List.of(rows)), "staff1");
  }

  private void acceptAllOpen(ReviewSession session) {
    List<Map<String, Object>> rows = members(session).stream().filter(d -> d.response() == null)
        .map(d -> row("expertCode", d.expertCode(), "accepted", true)).toList();
    drawService.recordResponses(session, data.json(rows), "staff1");
  }
}
