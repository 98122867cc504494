package cn.gx.titlereview.library;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawVerification;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.RosterGate;
import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestClock;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A committee's library across its sessions and years (docs/library.md): shared without a second import, changed
 * only by confirmed versions, frozen per session at the roster gate, and the committee's own attendance masking the
 * next year's draw.
 */
@IntegrationTest
class LibraryTest {

  @Autowired TestData data;
  @Autowired TestRegion region;
  @Autowired TestClock clock;
  @Autowired SessionFixture fixture;
  @Autowired LibraryService library;
  @Autowired LibraryRepository rows;
  @Autowired LibrarySnapshots snapshots;
  @Autowired AttendanceHistory history;
  @Autowired RosterGate rosterGate;
  @Autowired RosterRepository roster;
  @Autowired ExpertDrawService drawService;
  @Autowired DrawRepository draws;
  @Autowired DrawVerification verification;
  @Autowired AttendanceService attendance;
  @Autowired RecordService records;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** E01..En, alternating the fixture's two specialties (even numbers 土木工程), each with a term. */
  static List<Map<String, Object>> experts(int n) {
    List<Map<String, Object>> experts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      experts.add(row("expertCode", String.format("E%02d", i), "name", "专家" + i, "employer", "单位" + (i % 7),
          "specialty", SessionFixture.SPECIALTIES.get(i % 2), "title", "正高级工程师",
          "phone", String.format("1380000%04d", i), "status", "在库", "termStart", "2025-01-01",
          "termEnd", "2027-12-31"));
    }
    return experts;
  }

  /** The roster gate of a session, which freezes what it draws from. */
  void rosterGate(ReviewSession session, int panel, int reserves, int minPerGroup) {
    rosterGate.check(context(session, "panelSize", panel, "reserveCount", reserves, "minPerGroup", minPerGroup));
  }

  @Test
  void twoSessionsDrawFromOneLibraryAndAChangeBetweenThemShowsInTheSecondSnapshotOnly() {
    Committee committee = region.committee("评委库共用评委会", "正高");
    library.apply(committee, data.json(experts(40)), 0, null, "staff1");

    ReviewSession first = fixture.sessionWithApplicants(committee.name(), "正高", 2026);
    rosterGate(first, 11, 4, 3);
    DrawRepository.Draw firstDraw = fixture.draw(first, 11, 4, 3);
    library.change(committee, "E02", new LibraryService.Change("暂停", "出国访学", null, null, null), "staff1");

    ReviewSession second = fixture.sessionWithApplicants(committee.name(), "正高", 2026);
    rosterGate(second, 11, 4, 3);
    DrawRepository.Draw secondDraw = fixture.draw(second, 11, 4, 3);

    assertThat(roster.ownCount(first.id()) + roster.ownCount(second.id())).as("no session imported a roster").isZero();
    assertThat(snapshots.of(first.id()).orElseThrow().version()).isEqualTo(1);
    assertThat(snapshots.of(second.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(firstDraw.poolSize()).isEqualTo(40);
    assertThat(secondDraw.poolSize()).isEqualTo(39);
    assertThat(secondDraw.poolSha256()).isNotEqualTo(firstDraw.poolSha256());
    // The first session's pool is still version 1's: its draw verifies after the library moved on.
    assertThat(verification.pool(first).groups().get("土木工程")).contains("E02");
    assertThat(verification.pool(first).poolHash()).isEqualTo(firstDraw.poolSha256());
    assertThat(verification.pool(second).groups().get("土木工程")).doesNotContain("E02");
    assertThat(verification.pool(second).poolHash()).isEqualTo(secondDraw.poolSha256());
    // 附件1 一、5: 是, naming the version the session drew from; a one-off roster says it was one.
    fixture.attest(first, "officialRosterTotal", "40");
    RecordForm.Item complete = records.form(first).item("是否导入了全部的评委名册到专家抽取系统").orElseThrow();
    assertThat(complete.answer()).isEqualTo("是");
    assertThat(complete.evidence()).startsWith("评委会专家库第 1 版整库 40 人（staff1 于").contains("核对官方总数 40 人");
    ReviewSession oneOff = fixture.sessionWithRoster("评委库共用评委会之外的评委会");
    rosterGate(oneOff, 11, 4, 3);
    fixture.attest(oneOff, "officialRosterTotal", "40");
    assertThat(records.form(oneOff).item("是否导入了全部的评委名册到专家抽取系统").orElseThrow().evidence())
        .startsWith("单独导入 40 人（文件 test.json");
    // The committee's file (监管统计) shows the library's health in counts, and no expert by name or number.
    String file = new Api(port).get("/oversight/committees/" + committee.code(), "approver1").body();
    assertThat(file).contains("五、专家库状况", "专家库现为第 2 版", "专家库各专业人数", "土木工程")
        .doesNotContain("专家7", "13800000007");
    // A committee with a library takes no one-off roster.
    assertThatThrownBy(() -> fixture.sessionWithRoster(committee.name()))
        .isInstanceOf(BusinessException.class).hasMessageContaining("已建专家库");
  }

  @Test
  void aPreviewThatRemovesTenPercentChangesNothingUntilConfirmedAndARefusedImportChangesNothing() {
    Committee committee = region.committee("评委库预览评委会", "正高");
    library.apply(committee, data.json(experts(40)), 0, null, "staff1");
    List<Map<String, Object>> fewer = new ArrayList<>(experts(40).subList(0, 36));
    fewer.get(0).put("employer", "广西大学");
    fewer.get(1).put("phone", "13900000002");

    LibraryService.Preview preview = library.preview(committee, data.json(fewer));
    assertThat(preview.baseVersion()).isEqualTo(1);
    assertThat(preview.leaving()).isEqualTo(4);
    assertThat(preview.leavingExperts()).extracting(LibraryService.Difference::expertCode)
        .containsExactly("E37", "E38", "E39", "E40");
    assertThat(preview.changedExperts()).extracting(LibraryService.Difference::changes).containsExactly(
        List.of("工作单位：单位1 → 广西大学"), List.of("电话：138****0002 → 139****0002"));
    assertThat(rows.currentVersion(committee.id())).isEqualTo(1);
    assertThat(rows.count(committee.id())).as("nothing changed by the preview").isEqualTo(40);

    // Refused: a row the library cannot take, or a confirmation on a version that moved since the preview.
    List<Map<String, Object>> bad = experts(40);
    bad.get(5).put("status", "休假");
    assertThatThrownBy(() -> library.apply(committee, data.json(bad), 1, null, "staff1"))
        .isInstanceOf(ImportException.class);
    assertThatThrownBy(() -> library.apply(committee, data.json(fewer), 0, preview.sha256(), "staff1"))
        .isInstanceOf(BusinessException.class).hasMessageContaining("请重新预览");
    assertThat(rows.currentVersion(committee.id())).isEqualTo(1);
    assertThat(rows.count(committee.id())).isEqualTo(40);

    LibraryService.VersionView applied = library.apply(committee, data.json(fewer), 1, preview.sha256(), "staff1");
    assertThat(applied.version()).isEqualTo(2);
    assertThat(applied.createdBy()).isEqualTo("staff1");
    assertThat(List.of(applied.added(), applied.changed(), applied.leaving())).containsExactly(0, 2, 4);
    assertThat(rows.count(committee.id())).isEqualTo(36);
    assertThat(rows.current(committee.id(), "E40").orElseThrow().status()).isEqualTo("出库");
    assertThat(rows.current(committee.id(), "E01").orElseThrow().employer()).isEqualTo("广西大学");
  }

  @Test
  void expertsWhoAttendedTheCommitteesOwnSessionsThreeYearsRunningAreMaskedWithoutAnImportedHistory() {
    Committee committee = region.committee("三年连续出席评委会", "正高");
    library.apply(committee, data.json(experts(6)), 0, null, "staff1");
    for (int year = 2023; year <= 2025; year++) {
      clock.set(year + "-06-01T09:00");
      ReviewSession session = fixture.sessionWithApplicants(committee.name(), "正高", year);
      rosterGate(session, 6, 0, 3);
      fixture.draw(session, 6, 0, 3);
      List<DrawnExpert> members = drawService.drawn(session.id());
      drawService.recordResponses(session, data.json(members.stream()
          .map(d -> row("expertCode", d.expertCode(), "accepted", true)).toList()), "staff1");
      // E01 attends every year, E02 only the last two; the others are absent.
      int y = year;
      attendance.record(session, AttendanceService.REVIEW, data.json(members.stream()
          .map(d -> row("expertCode", d.expertCode(), "present",
              d.expertCode().equals("E01") || d.expertCode().equals("E02") && y > 2023)).toList()), "staff1");
    }
    clock.set("2026-06-01T09:00");
    ReviewSession now = fixture.sessionWithApplicants(committee.name(), "正高", 2026);
    assertThat(history.consecutiveAttendees(committee.id(), 2026)).containsExactly("E01");
    rosterGate(now, 4, 0, 2);
    fixture.draw(now, 4, 0, 2);
    assertThat(draws.exclusions(now.id())).extracting(DrawRepository.Exclusion::expertCode).containsExactly("E01");
    assertThat(drawService.drawn(now.id())).extracting(DrawnExpert::expertCode).doesNotContain("E01");
  }

  @Test
  void yearsBeforeTheSystemAreImportedAtTheLibraryByItsKeeperAndCountWithTheCommitteesOwnSessions() {
    Committee committee = region.committee("启用前出席评委会", "正高");
    library.apply(committee, data.json(experts(6)), 0, null, "staff1");
    String path = "/api/committees/" + committee.code() + "/library/attendance-history";
    Api api = new Api(port);
    String before = """
        [{"reviewYear":2023,"expertCode":"E03"},{"reviewYear":2024,"expertCode":"E03"},
         {"reviewYear":2024,"expertCode":"E04"}]""";
    assertThat(api.postJson(path, "approver1", before).status()).as("only the keeper imports").isEqualTo(403);
    Api.Reply bad = api.postJson(path, "staff1", "[{\"reviewYear\":1890,\"expertCode\":\"E03\"}]");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("年度 1890 不合理");
    Api.Reply imported = api.postJson(path, "staff1", before);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).contains("\"imported\":3");

    // 2025 is the committee's own session here: E03 attended, so 2023–2025 make three years running.
    clock.set("2025-06-01T09:00");
    ReviewSession session = fixture.sessionWithApplicants(committee.name(), "正高", 2025);
    rosterGate(session, 6, 0, 3);
    fixture.draw(session, 6, 0, 3);
    List<DrawnExpert> members = drawService.drawn(session.id());
    drawService.recordResponses(session, data.json(members.stream()
        .map(d -> row("expertCode", d.expertCode(), "accepted", true)).toList()), "staff1");
    attendance.record(session, AttendanceService.REVIEW, data.json(members.stream()
        .map(d -> row("expertCode", d.expertCode(), "present", true)).toList()), "staff1");
    assertThat(history.consecutiveAttendees(committee.id(), 2026)).containsExactly("E03");
  }
}
