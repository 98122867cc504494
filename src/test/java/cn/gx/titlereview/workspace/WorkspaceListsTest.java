package cn.gx.titlereview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.ImportRow;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lists of the 数据工作台 as a clerk works them: each template's headers and sample row read back through its
 * import's own columns; every upload, taken or refused, is listed with who sent it and why not; and what a list
 * holds can be paged, searched and exported, by the session's own people only.
 */
@IntegrationTest
class WorkspaceListsTest {

  @LocalServerPort int port;
  @Autowired TableReader reader;
  @Autowired SessionWalk walk;
  @Autowired SessionRepository sessions;
  @Autowired ReviewRepository reviews;
  @Autowired ApplicantRepository applicants;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void everyTemplateReadsBackThroughItsImportsColumns() {
    for (Map.Entry<String, ImportTemplates.Template> template : ImportTemplates.TEMPLATES.entrySet()) {
      byte[] workbook = api.download("/workspace/templates/" + template.getKey() + ".xlsx", "staff1");
      List<ImportRow> rows = reader.read(new ImportFile(template.getKey() + ".xlsx", workbook),
          template.getValue().columns(), Function.identity());
      assertThat(rows).as(template.getKey()).hasSize(1);
    }
    // Every list a section takes has its template.
    for (WorkspaceSection section : WorkspaceSection.values()) {
      if (section.list() != null) {
        assertThat(ImportTemplates.TEMPLATES).as(section.title()).containsKey(section.template());
      }
    }
  }

  @Test
  void templatesAreForTheSessionsPeopleOnly() {
    assertThat(api.get("/workspace/templates/votes.xlsx", null).status()).isIn(302, 401);
    assertThat(api.get("/workspace/templates/votes.xlsx", "approver1").status()).isEqualTo(403);
    assertThat(api.get("/workspace/templates/nothing.xlsx", "staff1").body()).contains("没有名为 nothing 的模板");
  }

  @Test
  void theWorkspaceListsEveryUploadTakenOrRefused() {
    String code = "TPL-" + System.nanoTime();
    walk.start(code, "");
    byte[] template = api.download("/workspace/templates/applicants.xlsx", "staff1");
    Reply taken = api.postFile("/api/sessions/" + code + "/applicants", "staff1", "申报人员名单.xlsx", template);
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    Reply refused = api.postJson("/api/sessions/" + code + "/applicants", "staff1", "[{\"applicantNo\":\"SB03\"}]");
    assertThat(refused.status()).isEqualTo(400);

    String page = api.get("/sessions/" + code + "/workspace", "staff1").body();
    assertThat(page).contains("申报人员名单.xlsx", "已导入 1 行", "未导入，未写入任何数据", "姓名", "不能为空");
  }

  @Test
  void aListIsPagedSearchableAndExportedWhole() throws Exception {
    String code = "LST-" + System.nanoTime();
    walk.start(code, "");
    StringBuilder rows = new StringBuilder("[");
    for (int i = 1; i <= 120; i++) {
      rows.append(i == 1 ? "" : ",").append("""
          {"applicantNo":"SB%04d","name":"申报人%d","employer":"%s","employerType":"体制内事业单位","level":"正高",
           "series":"工程","specialty":"土木工程","eligibility":"通过"}""".formatted(i, i, i % 2 == 0 ? "广西大学" : "桂林理工大学"));
    }
    Reply imported = api.postJson("/api/sessions/" + code + "/applicants", "staff1", rows.append("]").toString());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);

    String first = api.get("/sessions/" + code + "/workspace/applicants", "staff1").body();
    assertThat(first).contains("共 120 条", "第 1 / 3 页", "SB0050").doesNotContain("SB0051");
    String third = api.get("/sessions/" + code + "/workspace/applicants?page=3", "staff1").body();
    assertThat(third).contains("SB0101", "SB0120", "上一页").doesNotContain(">SB0100<");
    String found = api.get("/sessions/" + code + "/workspace/applicants?q=%E6%A1%82%E6%9E%97", "staff1").body();
    assertThat(found).contains("其中含“桂林”的 60 条", "第 1 / 2 页").doesNotContain("广西大学");

    byte[] workbook = api.download("/sessions/" + code + "/workspace/applicants.xlsx", "staff1");
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(120);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("申报编号");
      assertThat(sheet.getRow(120).getCell(0).getStringCellValue()).isEqualTo("SB0120");
    }
    // The supervisor reads it; staff of other sessions and approvers do not.
    assertThat(api.get("/sessions/" + code + "/workspace/applicants", "supervisor1").status()).isEqualTo(200);
    assertThat(api.get("/sessions/" + code + "/workspace/applicants", "staff3").status()).isEqualTo(403);
    assertThat(api.get("/sessions/" + code + "/workspace/applicants.xlsx", "approver1").status()).isEqualTo(403);
    assertThat(api.get("/sessions/" + code + "/workspace/staff", "staff1").body()).contains("数据工作台没有名为 staff 的名单");
  }

  /** A vote amendment is proposed and decided on the workspace, as the forms there send it, and listed there. */
  @Test
  void aVoteAmendmentIsProposedAndDecidedOnTheWorkspace() {
    String code = "AMD-" + System.nanoTime();
    walk.start(code, "staff4,staff3");
    walk.toFirstRecheck(code);
    long sessionId = sessions.getByCode(code).id();
    var vote = reviews.votes(sessionId).values().iterator().next();
    String applicantNo = applicants.list(sessionId).stream().filter(a -> a.id() == vote.applicantId()).findFirst()
        .orElseThrow().applicantNo();

    String staffPage = api.get("/sessions/" + code + "/workspace", "staff1").body();
    assertThat(staffPage).contains("表决结果更正", "没有表决结果更正申请", "提出更正申请").doesNotContain("登记审批结果");
    Reply proposed = api.postJson("/api/sessions/" + code + "/vote-amendments", "staff1", """
        {"applicantNo":"%s","votersPresent":%d,"yes":%d,"no":%d,"abstain":%d,"reason":"核对表决票原件，确认无误"}"""
        .formatted(applicantNo, vote.votersPresent(), vote.yes(), vote.no(), vote.abstain()));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String id = proposed.body().replaceAll("\\D", "");

    String supervisorPage = api.get("/sessions/" + code + "/workspace", "supervisor1").body();
    assertThat(supervisorPage).contains("表决结果更正申请 1 件，待监督员审批 1 件", "登记审批结果", "data-boolean")
        .doesNotContain("提出更正申请");
    Reply decided = api.postJson("/api/sessions/" + code + "/vote-amendments/" + id + "/decision", "supervisor1",
        "{\"approve\":true,\"note\":\"同意\"}");
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);

    assertThat(api.get("/sessions/" + code + "/workspace", "staff1").body()).contains("表决结果更正申请 1 件，均已审批");
    String listed = api.get("/sessions/" + code + "/workspace/vote-amendments", "staff1").body();
    assertThat(listed).contains(applicantNo, "核对表决票原件，确认无误", "已批准", "同意");
  }
}
