package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.record.RecordCatalogue;
import cn.gx.titlereview.record.RecordDocx;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.ChromiumPrint;
import cn.gx.titlereview.support.Documents;
import cn.gx.titlereview.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole session on H2, then its record form (附件1) in both outputs: the .docx read back item by item, and the
 * printable page served over HTTP and printed by headless Chromium (target/screenshots/record-print.pdf).
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
    // The title breaks after the committee's name, so that it never runs over the margin.
    assertThat(word.replace("\n", "")).contains(form.title());
    assertThat(word).contains("评委会名称", "评审基本情况", "申报人数：60 通过人数：46 评审总通过率：76.7%",
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
    assertThat(page.body()).contains("广西工程系列高级职称评审委员会</span>", ">职称评审情况记录表</span>",
        "1.纪检部门是否全程监督（是）",
        "公示期间收到信访件数量（2）件，已核查（2）件", "unithead1", "supervisor1")
        .doesNotContain("签字失效");
    assertThat(new Api(port).get("/sessions/" + session.code() + "/record", null).header("Location"))
        .endsWith("/login");
    officialDocuments(session, form);

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
    String before = records.hash(session);
    Api.Reply complaint = api.postJson("/api/sessions/" + session.code() + "/complaints", "staff1",
        "{\"channel\":\"邮箱\",\"content\":\"结果确认后收到的举报\"}");
    assertThat(complaint.status()).isEqualTo(409);
    assertThat(complaint.body()).contains("评审结果已确认，不得修改");
    Api.Reply amendment = api.postJson("/api/sessions/" + session.code() + "/vote-amendments", "staff1",
        "{\"applicantNo\":\"SB0001\",\"votersPresent\":25,\"yes\":10,\"no\":14,\"abstain\":1,\"reason\":\"改票\"}");
    assertThat(amendment.status()).isEqualTo(409);
    assertThat(records.hash(session)).isEqualTo(before);
    assertThat(api.get("/sessions/" + session.code() + "/record", "unithead1").body())
        .contains("公示期间收到信访件数量（2）件，已核查（2）件", "黄伟（核准单位，广西壮族自治区职称改革工作领导小组办公室）",
            "评审结果已确认：黄伟 于 2026-06-25 10:00", "抽查复核第 2 次")
        .doesNotContain("签字失效");
  }

  /**
   * What a 职改办 clerk prints and files (docs/official-documents.md): 附件1 as Word, as PDF and from the browser, the
   * draw record, 附件2, each round's publicity notice and the results workbook, all from the finished session.
   */
  private void officialDocuments(ReviewSession session, RecordForm form) {
    Api api = new Api(port);
    String c = "/sessions/" + session.code();

    Documents.Word word = Documents.word(Documents.keep("record-session.docx",
        api.download(c + "/record.docx", "approver1")));
    assertThat(List.of(word.pageWidth(), word.pageHeight(), word.top(), word.bottom(), word.left(), word.right()))
        .containsExactly(11906L, 16838L, 2098L, 1984L, 1588L, 1474L);
    assertThat(word.eastAsiaFonts()).contains("黑体", "宋体");
    Documents.assertItemsInOrder(word.text(), form);
    assertThat(word.text()).contains("姓名：陈静", "姓名：赵强", "（盖章）", "赵强（纪检监督员，南宁建设工程集团有限公司） 于")
        .doesNotContain("supervisor1 于");

    byte[] pdf = Documents.keep("record-session.pdf", api.download(c + "/record.pdf", "approver1"));
    Documents.Pdf read = Documents.pdf(pdf);
    // A normal session prints on at most three pages (RecordDocumentsTest). This one is eventful on purpose — two
    // failed checks rectified, a discipline incident, a substantiated complaint, signatures renewed, two spot-checks —
    // and its notes and the record of what followed the signatures take part of a fourth.
    assertThat(read.pages()).as("附件1 PDF pages").isLessThanOrEqualTo(4);
    Documents.assertItemsInOrder(read.text(), form);
    assertThat(read.text().replaceAll("\\s+", "")).contains("姓名：陈静", "姓名：赵强",
        "第1页共" + read.pages() + "页");
    Documents.pictures(pdf, Documents.OUT, "record-session", 60);

    byte[] drawWord = api.download(c + "/draw-record.docx", "staff1");
    byte[] drawPdf = Documents.keep("draw-record-session.pdf", api.download(c + "/draw-record.pdf", "staff1"));
    for (String text : List.of(Documents.word(drawWord).text(), Documents.pdf(drawPdf).text())) {
      assertThat(text.replaceAll("\\s+", "")).contains("随机抽取评委记录单", "抽取人签字", "监督人签字", "姓名：赵强", "日期",
          "（盖章）", "可凭抽取名单文件和公开的随机种子复算").doesNotContain("/api/", "GET", "POST");
    }
    assertThat(api.get(c + "/draw-record.pdf", "approver1").status()).isEqualTo(403);

    String pledges = Documents.pdf(Documents.keep("pledges-session.pdf",
        api.download(c + "/pledges/experts.pdf", "staff1"))).text().replaceAll("\\s+", "");
    int sheets = Documents.pdf(api.download(c + "/pledges/experts.pdf", "staff1")).pages();
    assertThat(pledges.split("2026年度广西工程系列高级职称评审委员会评审专家工作守则", -1)).hasSize(sheets + 1);
    assertThat(pledges).doesNotContain("职称评委会评审专家工作守则", "委员会职称评委会");

    for (int round = 1; round <= 2; round++) {
      String notice = c + "/publicity/" + round + "/notice";
      List<String> passed = recheckService.passedAsOf(session.id(), publicity.openedAt(session.id(), round)
          .orElseThrow()).stream().map(cn.gx.titlereview.preparation.Applicant::name).toList();
      List<List<String>> list = Documents.sheet(api.download(notice.replace("notice", "list.xlsx"), "unithead1"), 0);
      assertThat(list.get(0)).containsExactly("序号", "姓名", "工作单位", "评审系列", "专业", "评审级别");
      assertThat(list.subList(1, list.size())).extracting(r -> r.get(1)).containsExactlyElementsOf(passed);
      byte[] noticePdf = Documents.keep("publicity-" + round + ".pdf", api.download(notice + ".pdf", "unithead1"));
      for (String text : List.of(Documents.pdf(noticePdf).text(),
          Documents.word(api.download(notice + ".docx", "unithead1")).text())) {
        assertThat(text.replaceAll("\\s+", "")).contains("评审通过人员名单", "共5个工作日", "jubao@example.invalid",
            "南宁建设工程集团有限公司", "等" + passed.size() + "名同志").contains(passed);
      }
      assertThat(api.get(notice, "approver1").body()).contains("评审通过人员名单");
    }
    Documents.pictures(Documents.keep("publicity-1.pdf", api.download(c + "/publicity/1/notice.pdf", "staff1")),
        Documents.OUT, "publicity-1", 60);

    byte[] results = api.download(c + "/results.xlsx", "supervisor1");
    assertThat(Documents.sheet(results, 0)).hasSize(61);
    assertThat(Documents.sheet(results, 0).stream().filter(r -> "通过".equals(r.get(r.size() - 1)))).hasSize(46);
    assertThat(Documents.sheet(results, 1).size()).isGreaterThan(92);
    assertThat(api.get(c + "/record", "approver1").body()).contains("record.pdf", "publicity/1/notice",
        "results.xlsx");

    printed(session);
  }

  /**
   * The record page as Chromium prints it to A4 (the browser's own print, headless, logged in as the approver): at
   * most three pages, numbered 「第 x 页 共 y 页」 by the page itself, the signatures on the last page (no stray page);
   * a picture of every page and a screenshot of the page are kept (target/screenshots/). .ci/run installs Chromium so
   * that CI always prints.
   */
  private void printed(ReviewSession session) {
    if (!ChromiumPrint.available()) {
      System.out.println("未安装 /usr/bin/chromium 或 chromedriver：跳过记录表打印测试（.ci/run 会安装）");
      return;
    }
    try {
      Path shots = Path.of("target", "screenshots");
      byte[] printed = ChromiumPrint.print("http://localhost:" + port, "approver1", "/sessions/" + session.code()
          + "/record", shots.resolve("record-page.png"));
      Files.write(shots.resolve("record-print.pdf"), printed);
      Documents.Pdf read = Documents.pdf(printed);
      assertThat(read.width()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      assertThat(read.height()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      assertThat(read.pages()).as("Chromium's A4 print of the record page").isBetween(1, 4);
      assertThat(read.text().replaceAll("\\s+", "")).contains("第1页共" + read.pages() + "页", "姓名：陈静");
      assertThat(Documents.lastPage(printed)).contains("评委会组建单位");
      Documents.pictures(printed, shots, "record-print", 80);
    } catch (Exception e) {
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
