package cn.gx.titlereview.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestRegion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 监管统计 end to end: the read model against the record, the import of past years (all or nothing), pass rates
 * against peers with the flags and the inspection opened from one, the committee's file, the annual report in its
 * three formats with totals that are the sums of its sessions, and each city seeing its own committees only.
 */
@IntegrationTest
class OversightTest {

  @LocalServerPort int port;
  @Autowired SessionFixture fixture;
  @Autowired RecordService records;
  @Autowired SessionFacts facts;
  @Autowired OversightRepository repository;
  @Autowired TestRegion region;
  @Autowired ObjectMapper json;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void theReadModelHoldsTheRecordsFiguresAndFollowsChangesMadeThroughTheApplication() throws Exception {
    ReviewSession session = fixture.sessionWithVotes();
    facts.refresh(session);
    RecordForm.Basics basics = records.form(session).basics();
    OversightRepository.SessionFact fact = repository.fact(session.id()).orElseThrow();
    assertThat(fact.applicants()).isEqualTo(basics.applicants()).isEqualTo(5);
    assertThat(fact.passed()).isEqualTo(basics.passed()).isEqualTo(3);
    assertThat(YearFigures.rate(fact.passed(), fact.applicants())).isEqualTo(basics.passRate());
    assertThat(YearFigures.rate(fact.passedPublic(), fact.applicantsPublic()))
        .isEqualTo(basics.passRatePublicInstitutions());
    assertThat(YearFigures.rate(fact.passedEnterprise(), fact.applicantsEnterprise()))
        .isEqualTo(basics.passRateEnterprises());
    assertThat(fact.noItems()).containsExactlyElementsOf(records.form(session).sections().stream()
        .flatMap(s -> s.groups().stream()).flatMap(g -> g.items().stream()).filter(i -> "否".equals(i.answer()))
        .map(RecordForm.Item::text).toList());
    assertThat(facts.differences(session)).isEmpty();

    // A complaint registered through the application rewrites the row after its transaction commits.
    Reply registered = api.postJson("/api/sessions/" + session.code() + "/complaints", "staff1", """
        {"channel":"来信","applicantNo":"SB01","content":"反映业绩材料不实"}""");
    assertThat(registered.status()).as(registered.body()).isLessThan(300);
    // The row is rewritten as the request completes, just after the reply is sent.
    for (int i = 0; i < 50 && repository.fact(session.id()).orElseThrow().complaintsReceived() == 0; i++) {
      Thread.sleep(100);
    }
    assertThat(repository.fact(session.id()).orElseThrow().complaintsReceived()).isEqualTo(1);
    assertThat(facts.differences(session)).isEmpty();
  }

  @Test
  void importedPastYearsAreComparedWithPeersAndTheirOwnPastAndMarkedAsImportedEverywhere() throws Exception {
    List<Committee> committees = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      committees.add(region.committee("监管测试评委会" + i, "正高"));
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(pastYear(committees.get(i).code(), 2001, 200, 120));
    }
    rows.add(pastYear(committees.get(5).code(), 2001, 200, 170));
    rows.add(pastYear(committees.get(5).code(), 2000, 200, 120));
    rows.add(pastYear(committees.get(6).code(), 2001, 10, 0));
    rows.add(pastYear(committees.get(7).code(), 2001, 200, 110));
    Reply imported = api.postJson("/api/oversight/past-years", "approver1", "[" + String.join(",", rows) + "]");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(json.readTree(imported.body()).get("imported").asInt()).isEqualTo(9);

    JsonNode rates = json.readTree(api.get("/api/oversight/pass-rates?year=2001&level=" + encode("高级") + "&series="
        + encode("工程"), "approver1").body());
    // Peers: 5 × 120 + 170 + 0 + 110 passed of 1410 = 880 / 1410.
    assertThat(rates.get("peerCommittees").asInt()).isEqualTo(8);
    assertThat(rates.get("peerRate").asDouble()).isCloseTo(880.0 / 1410, org.assertj.core.api.Assertions.within(1e-9));
    Map<String, JsonNode> byCode = new HashMap<>();
    rates.get("committees").forEach(c -> byCode.put(c.get("committeeCode").asText(), c));
    assertThat(byCode).hasSize(8);
    assertThat(byCode.get(committees.get(7).code()).get("flag").asText()).isEqualTo("WATCH");
    JsonNode high = byCode.get(committees.get(5).code());
    assertThat(high.get("flag").asText()).isEqualTo("ABNORMAL");
    assertThat(high.get("rate").asDouble()).isGreaterThan(high.get("upper998").asDouble());
    assertThat(high.get("imported").asBoolean()).isTrue();
    assertThat(high.get("history").get("flag").asText()).isEqualTo("ABNORMAL");
    JsonNode usual = byCode.get(committees.get(0).code());
    assertThat(usual.get("flag").isNull()).isTrue();
    assertThat(usual.get("rate").asDouble()).isBetween(usual.get("lower95").asDouble(), usual.get("upper95").asDouble());
    JsonNode small = byCode.get(committees.get(6).code());
    assertThat(small.get("rate").asDouble()).isLessThan(small.get("lower998").asDouble());
    assertThat(small.get("flag").isNull()).as("fewer than %s applicants", rates.get("minApplicants")).isTrue();

    String file = api.get("/oversight/committees/" + committees.get(5).code(), "approver1").body();
    assertThat(file).contains("评委会档案", "2001", "2000", "85.0%", "导入", "通过率异常");
    String view = api.get("/oversight?year=2001&level=" + encode("高级") + "&series=" + encode("工程"), "approver1")
        .body();
    assertThat(view).contains("<svg", "通过率异常", "85.0%（导入）", "立项督查");

    // The flag opens an inspection in one step; the inspection records the flag as its trigger.
    Reply opened = api.postJson("/api/oversight/flags", "approver1", """
        {"committeeCode":"%s","year":2001,"action":"INSPECT"}""".formatted(committees.get(5).code()));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    long inspection = json.readTree(opened.body()).get("inspectionId").asLong();
    assertThat(api.get("/supervision/inspections/" + inspection, "approver1").body()).contains("通过率预警", "85.0%");
    assertThat(api.get("/oversight/committees/" + committees.get(5).code(), "approver1").body())
        .contains("已立项督查 " + inspection);
    Reply none = api.postJson("/api/oversight/flags", "approver1", """
        {"committeeCode":"%s","year":2001,"action":"NO_ACTION","reason":"正常"}""".formatted(committees.get(0).code()));
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.body()).contains("没有预警");
    Reply noNeed = api.postJson("/api/oversight/flags", "approver1", """
        {"committeeCode":"%s","year":2001,"action":"NO_ACTION","reason":"该年度申报人员多为企业骨干，已核查"}"""
        .formatted(committees.get(7).code()));
    assertThat(noNeed.status()).as(noNeed.body()).isEqualTo(200);
    assertThat(json.readTree(noNeed.body()).get("inspectionId").isNull()).isTrue();
    assertThat(api.get("/oversight/committees/" + committees.get(7).code(), "approver1").body())
        .contains("无须督查：该年度申报人员多为企业骨干，已核查", "关注");
    // 桂林's approver neither sees nor acts on a committee of 南宁's unit.
    assertThat(api.postJson("/api/oversight/flags", "gl-approver1", """
        {"committeeCode":"%s","year":2001,"action":"INSPECT"}""".formatted(committees.get(5).code())).status())
        .isEqualTo(403);
  }

  @Test
  void aBadImportIsRefusedWholeWithEachProblemNamed() throws Exception {
    Committee committee = region.committee("监管测试评委会1", "正高");
    String body = "[" + String.join(",", pastYear(committee.code(), 2002, 100, 50),
        pastYear(committee.code(), 2003, -5, 0), pastYear(committee.code(), 2004, 40, 60),
        pastYear("NO-SUCH-COMMITTEE", 2004, 40, 20)) + "]";
    Reply refused = api.postJson("/api/oversight/past-years", "approver1", body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("第 2 条「申报人数」：不能为负数，实际为 -5",
        "第 3 条「通过人数」：通过人数 60 大于申报人数 40", "第 4 条「评委会编码」：评委会 NO-SUCH-COMMITTEE 不存在");
    assertThat(repository.pastYears(committee.id(), 2002, 2002)).isEmpty();
    // 桂林's approver supervises no committee of 南宁's unit.
    Reply foreign = api.postJson("/api/oversight/past-years", "gl-approver1", "[" + pastYear(committee.code(), 2002, 100,
        50) + "]");
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("不在本单位监管范围内");
  }

  @Test
  void theAnnualReportOpensAsA4WordAndPdfAndItsTotalsAreTheSumsOfItsSessions() throws Exception {
    ReviewSession first = fixture.sessionWithVotes();
    ReviewSession second = fixture.sessionWithVotes();
    facts.refresh(first);
    facts.refresh(second);
    byte[] sheet = api.download("/oversight/report.xlsx?year=2026", "approver1");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
      Sheet sessions = book.getSheet("各评审会");
      int applicants = 0;
      int passed = 0;
      Map<String, Integer> applicantsBySession = new HashMap<>();
      for (Row row : sessions) {
        if (row.getRowNum() == 0) {
          continue;
        }
        applicants += (int) row.getCell(3).getNumericCellValue();
        if (row.getCell(4).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
          passed += (int) row.getCell(4).getNumericCellValue();
        }
        applicantsBySession.put(row.getCell(0).getStringCellValue(), (int) row.getCell(3).getNumericCellValue());
      }
      for (ReviewSession s : List.of(first, second)) {
        assertThat(applicantsBySession.get(s.code())).isEqualTo(records.form(s).basics().applicants());
      }
      Row total = null;
      for (Row row : book.getSheet("基本情况")) {
        if ("合计".equals(row.getCell(0).getStringCellValue())) {
          total = row;
        }
      }
      assertThat(total).isNotNull();
      assertThat((int) total.getCell(2).getNumericCellValue()).isEqualTo(sessions.getLastRowNum());
      assertThat((int) total.getCell(3).getNumericCellValue()).isEqualTo(applicants);
      assertThat((int) total.getCell(4).getNumericCellValue()).isEqualTo(passed);
    }
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
        api.download("/oversight/report.docx?year=2026", "approver1")))) {
      var size = docx.getDocument().getBody().getSectPr().getPgSz();
      assertThat(size.getW().toString()).isEqualTo("11906");
      assertThat(size.getH().toString()).isEqualTo("16838");
      assertThat(docx.getParagraphs().get(0).getText()).isEqualTo("2026 年度职称评审监督情况报告");
      assertThat(docx.getTables()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(docx.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("级别");
    }
    byte[] pdf = api.download("/oversight/report.pdf?year=2026", "approver1");
    java.nio.file.Files.write(java.nio.file.Path.of("target", "oversight-report-2026.pdf"), pdf);
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var box = document.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isCloseTo(595.3f, org.assertj.core.api.Assertions.within(1f));
      assertThat(box.getHeight()).isCloseTo(841.9f, org.assertj.core.api.Assertions.within(1f));
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("基本情况", first.code());
    }
    String page = api.get("/oversight?year=2026", "approver1").body();
    assertThat(page).contains("href=\"/supervision/sessions/" + first.code() + "\"");
  }

  @Test
  void aCitysFunnelAndReportHoldOnlyTheCommitteesItSupervises() throws Exception {
    Reply imported = api.postJson("/api/oversight/past-years", "admin", ("[" + String.join(",",
        pastYear("GX-DEMO-A", 2005, 120, 80), pastYear("GX-DEMO-B", 2005, 150, 90)) + "]")
        .replace("\"高级\"", "\"中级\""));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    String level = encode("中级");
    JsonNode guilin = json.readTree(api.get("/api/oversight/pass-rates?year=2005&level=" + level, "gl-approver1").body());
    assertThat(guilin.get("committees")).extracting(c -> c.get("committeeCode").asText()).containsExactly("GX-DEMO-B");
    assertThat(guilin.get("peerCommittees").asInt()).as("the peers are the region's").isGreaterThanOrEqualTo(2);
    JsonNode nanning = json.readTree(api.get("/api/oversight/pass-rates?year=2005&level=" + level, "nn-approver1")
        .body());
    assertThat(nanning.get("committees")).extracting(c -> c.get("committeeCode").asText()).contains("GX-DEMO-A")
        .doesNotContain("GX-DEMO-B");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
        api.download("/oversight/report.xlsx?year=2005", "gl-approver1")))) {
      List<String> names = new ArrayList<>();
      book.getSheet("评审通过率").forEach(r -> names.add(r.getCell(1).getStringCellValue()));
      assertThat(names).contains("桂林市建筑设计研究院工程技术中级职称评审委员会")
          .doesNotContain("南宁建设工程集团有限公司工程技术中级职称评审委员会");
    }
    assertThat(api.get("/oversight/committees/GX-DEMO-A", "gl-approver1").status()).isEqualTo(403);
    assertThat(api.get("/oversight", "staff1").status()).isEqualTo(403);
  }

  private static String pastYear(String code, int year, int applicants, int passed) {
    return """
        {"committeeCode":"%s","year":%d,"level":"高级","series":"工程","applicants":%d,"passed":%d}"""
        .formatted(code, year, applicants, passed);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
