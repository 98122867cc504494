package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.record.RecordCatalogue;
import cn.gx.titlereview.record.RecordDocx;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.HeadlessChromium;
import cn.gx.titlereview.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole session on H2, then its record form (附件1) in both outputs: the .docx read back item by item, and the
 * printable page served over HTTP and photographed by headless Chromium (target/record-page.png).
 */
@IntegrationTest
class WholeSessionH2Test extends WholeSessionScenario {

  @LocalServerPort int port;
  @Autowired RecordDocx docx;
  @Autowired RecordCatalogue catalogue;

  @Override
  void afterwards(ReviewSession session) {
    RecordForm form = records.form(session);
    String word = wordText(docx.write(form));
    assertThat(word).contains(form.title(), "评委会名称", "评审基本情况", "申报人数：60 通过人数：46 评审总通过率：76.7%",
        "其它需要说明的情况", "评委会组建单位负责人签字(盖章)", "评委会组建单位监督员签字");
    int items = 0;
    for (RecordForm.Section section : form.sections()) {
      for (RecordForm.Group group : section.groups()) {
        assertThat(word).contains(section.title(), group.title());
        for (RecordForm.Item item : group.items()) {
          assertThat(word).contains(item.line());
          assertThat(item.line()).startsWith(item.number() + ".");
          items++;
        }
      }
    }
    long catalogued = catalogue.current().sections().stream().flatMap(s -> s.groups().stream())
        .mapToLong(g -> g.items().size()).sum();
    assertThat(items).isEqualTo(catalogued).isEqualTo(36);

    Api.Reply page = new Api(port).get("/sessions/" + session.code() + "/record", "approver1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(form.title(), "1.纪检部门是否全程监督（是）",
        "公示期间收到信访件数量（2）件，已核查（2）件", "unithead1", "supervisor1")
        .doesNotContain("签字失效");
    assertThat(new Api(port).get("/sessions/" + session.code() + "/record", null).header("Location"))
        .endsWith("/login");
    photograph(session);

    // 无记名投票: no process variable of the whole session ever carried a vote.
    String[] instances = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(session.code())
        .list().stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toArray(String[]::new);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).list())
        .isNotEmpty().extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
        .noneMatch(n -> n.toLowerCase().contains("vote") && !n.equals("votesRecorded"))
        .noneMatch(n -> n.toLowerCase().contains("ballot") || n.toLowerCase().contains("yes"));

    // 评审结果已确认: the facts are frozen. A late complaint or a vote amendment is refused whole (409), the record and
    // its signatures stay as they were signed, and the page shows the spot-check's revealed seed and the confirmation.
    Api api = new Api(port);
    String before = records.sha256(session);
    Api.Reply complaint = api.postJson("/api/sessions/" + session.code() + "/complaints", "staff1",
        "{\"channel\":\"邮箱\",\"content\":\"结果确认后收到的举报\"}");
    assertThat(complaint.status()).isEqualTo(409);
    assertThat(complaint.body()).contains("评审结果已确认，不得修改");
    Api.Reply amendment = api.postJson("/api/sessions/" + session.code() + "/vote-amendments", "staff1",
        "{\"applicantNo\":\"SB0001\",\"votersPresent\":25,\"yes\":10,\"no\":14,\"abstain\":1,\"reason\":\"改票\"}");
    assertThat(amendment.status()).isEqualTo(409);
    assertThat(records.sha256(session)).isEqualTo(before);
    assertThat(api.get("/sessions/" + session.code() + "/record", "unithead1").body())
        .contains("公示期间收到信访件数量（2）件，已核查（2）件", "评审结果已确认：approver1 于 2026-06-25 10:00", "抽查复核第 2 次")
        .doesNotContain("签字失效");
  }

  /** Keeps a picture of the page as a test artefact; .ci/run installs Chromium so that CI always takes it. */
  private void photograph(ReviewSession session) {
    if (!HeadlessChromium.available()) {
      System.out.println("未安装 /usr/bin/chromium：跳过记录表页面截图（.ci/run 会安装 Chromium）");
      return;
    }
    try {
      Path png = HeadlessChromium.screenshot("http://approver1:demo@localhost:" + port + "/sessions/"
          + session.code() + "/record", Path.of("target", "screenshots", "record-page.png"));
      assertThat(Files.size(png)).as("screenshot " + png).isGreaterThan(20_000);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String wordText(byte[] bytes) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
