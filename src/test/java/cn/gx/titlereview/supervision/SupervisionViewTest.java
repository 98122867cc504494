package cn.gx.titlereview.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SupervisionViewTest {

  @Autowired SessionWalk walk;

  @LocalServerPort int port;
  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired RecordService records;
  @Autowired GateResultRepository gateResults;
  @Autowired cn.gx.titlereview.spotcheck.SpotCheckService spotChecks;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void onlyTheApprovingUnitAndAdministratorsSeeIt() {
    Api.Reply anonymous = api.get("/supervision", null);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/login");
    for (String other : List.of("staff1", "supervisor1", "unithead1")) {
      Reply refused = api.get("/supervision", other);
      assertThat(refused.status()).as(other).isEqualTo(403);
      assertThat(refused.body()).contains("核准单位");
    }
    assertThat(api.get("/supervision", "approver1").status()).isEqualTo(200);
    assertThat(api.get("/supervision", "admin").status()).isEqualTo(200);
  }

  @Test
  void theFiguresOfASessionAreThoseOfItsRecord() {
    ReviewSession session = fixture.sessionWithVotes();
    RecordForm.Basics basics = records.form(session).basics();
    String row = row(api.get("/supervision?year=2026&level=" + encode("正高"), "approver1").body(), session.code());
    assertThat(row).contains(basics.applicants() + " / " + basics.passed(),
        basics.passRate() + "（" + basics.passRatePublicInstitutions() + " / " + basics.passRateEnterprises() + "）",
        "南宁建设工程集团有限公司", "尚未启动", "未开始");
    assertThat(basics.passRate()).isEqualTo("60.0%");
  }

  @Test
  void theSpotCheckStateComesFromTheRecordedSpotCheck() {
    ReviewSession session = fixture.sessionWithVotes();
    spotChecks.commit(session);
    spotChecks.draw(session, 100, "核准单位抽查", "approver1");
    assertThat(row(api.get("/supervision", "approver1").body(), session.code()))
        .contains("第 1 次：抽查 3 人（100%），待登记结论");
    spotChecks.recordFindings(session, "", "approver1");
    assertThat(row(api.get("/supervision", "approver1").body(), session.code()))
        .contains("第 1 次：抽查 3 人，发现问题 0 人，通过");
  }

  @Test
  void overdueTasksShowPerSessionAndEveryTableExportsToExcel() throws Exception {
    String code = "SV-OD-" + System.nanoTime();
    walk.start(code, "");
    // The first task is due when the draw window opens, before today in the test data: it is overdue.
    String page = api.get("/supervision/sessions/" + code, "approver1").body();
    assertThat(page).contains("逾期任务", "导入申报人员并审核资格", "未认领", "各环节用时（工作日）");
    assertThat(row(api.get("/supervision", "approver1").body(), code)).contains("1 项");
    for (String path : List.of("/supervision.xlsx", "/supervision/sessions/" + code + "/gates.xlsx",
        "/supervision/overdue.xlsx", "/supervision/inspections.xlsx")) {
      byte[] sheet = api.download(path, "approver1");
      try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(sheet))) {
        assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).as(path).isNotBlank();
        if (path.contains("overdue")) {
          assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isNotBlank();
        }
      }
      assertThat(api.get(path, "staff1").status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void filtersLeaveOutOtherLevels() {
    ReviewSession session = fixture.sessionWithRoster();
    assertThat(api.get("/supervision?level=" + encode("中级"), "approver1").body()).doesNotContain(session.code());
    assertThat(api.get("/supervision?level=" + encode("正高"), "approver1").body()).contains(session.code());
  }

  @Test
  void aSessionsPageShowsItsGateHistoryAndLinks() {
    ReviewSession session = fixture.sessionWithRoster();
    gateResults.record(session.id(), "roster", "合规检查：名册与监督",
        List.of(new Violation("导入全部评委名册", "评审会 " + session.code(), "监督员尚未核对官方名册总人数")), "v1",
        Instant.now(), "staff1", null);
    Reply page = api.get("/supervision/sessions/" + session.code(), "approver1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("合规检查：名册与监督", "未通过", "监督员尚未核对官方名册总人数",
        "李明（工作人员，南宁建设工程集团有限公司）",
        "/sessions/" + session.code() + "/record", "/api/sessions/" + session.code() + "/archive/package");
    String overview = row(api.get("/supervision", "approver1").body(), session.code());
    assertThat(overview).contains("合规检查：名册与监督", "未完成");
  }

  @Test
  void aRegionsSessionsAreShownFiftyAPageLatestFirst() {
    List<ReviewSession> sessions = IntStream.rangeClosed(1, 51)
        .mapToObj(i -> data.session("副高", "测试评委会", 1990)).toList();

    String first = api.get("/supervision?year=1990", "approver1").body();
    assertThat(first).contains("共 51 个评审会，每页 50 个，第 1 / 2 页", "下一页").doesNotContain("上一页");
    assertThat(first).contains(row(sessions.get(50)), row(sessions.get(1))).doesNotContain(row(sessions.get(0)));
    String second = api.get("/supervision?year=1990&page=2", "approver1").body();
    assertThat(second).contains("第 2 / 2 页", "上一页", row(sessions.get(0)))
        .doesNotContain("下一页");
    assertThat(api.get("/supervision?year=1990&page=9", "approver1").body()).contains("第 2 / 2 页");
  }

  private static String row(ReviewSession session) {
    return "data-code=\"" + session.code() + "\"";
  }

  private static String row(String html, String code) {
    int start = html.indexOf("data-code=\"" + code + "\"");
    assertThat(start).as("row of " + code).isPositive();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
