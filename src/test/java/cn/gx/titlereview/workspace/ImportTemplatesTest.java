package cn.gx.titlereview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.ImportRow;
import cn.gx.titlereview.platform.importing.TableReader;
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
 * Staff fill in the workbook the 数据工作台 hands them: each template's headers and sample row must read back through
 * its import's own columns, and every upload — taken or refused — is listed on the page with who sent it and why not.
 */
@IntegrationTest
class ImportTemplatesTest {

  @LocalServerPort int port;
  @Autowired TableReader reader;
  @Autowired SessionWalk walk;

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
}
