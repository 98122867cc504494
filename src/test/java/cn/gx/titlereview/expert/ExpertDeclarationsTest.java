package cn.gx.titlereview.expert;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.UploadedDocument;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.review.ReviewGate;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.training.ExpertPledgeService;
import cn.gx.titlereview.training.PledgeRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 回避申报 and 工作守则确认 through the expert's own links, and how the review gate and 附件1 take them. */
@IntegrationTest
class ExpertDeclarationsTest {

  /** The review gate's rule on readers (review/ReaderRule). */
  static final String READER_RULE = "审阅专家";

  @LocalServerPort int port;
  @Autowired SessionFixture fixture;
  @Autowired ExpertDrawService drawService;
  @Autowired ReviewService reviewService;
  @Autowired ApplicantRepository applicants;
  @Autowired ReviewGate gate;
  @Autowired RecordService records;
  @Autowired ContactLog contacts;
  @Autowired PledgeRepository pledges;
  @Autowired ExpertPledgeService pledgeService;

  @Test
  void anExpertWhoDeclaresAConflictMayNotReadThatApplicantAndTheRecordListsItAsHisOwnDeclaration() {
    ReviewSession session = fixture.sessionWithPanel();
    ReviewService.ReviewPlan plan = reviewService.proposePlan(session);
    reviewService.applyPlan(session, plan);
    String reader = plan.assignments().get(0).readers().get(0);
    Applicant sb01 = applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals("SB01")).findFirst()
        .orElseThrow();
    Api api = new Api(port);
    String link = ExpertLinksTest.linkOf(contacts, session, reader, "回避申报");

    Api.Reply page = api.get(link, null);
    assertThat(page.status()).isEqualTo(200);
    // Whom he reviews: name, employer and specialty; no applicant number, and no other expert.
    assertThat(page.body()).contains("申报人1", "广西大学", sb01.specialty()).doesNotContain("SB0");
    drawService.drawn(session.id()).stream().filter(d -> !d.expertCode().equals(reader))
        .forEach(other -> assertThat(page.body()).doesNotContainPattern(other.name() + "(?!\\d)"));
    // An untouched form is no declaration.
    assertThat(api.postForm(link, null).status()).isEqualTo(400);

    Api.Reply done = api.postForm(link, null, "c" + sb01.id(), "近亲属", "n" + sb01.id(), "配偶之兄");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("您已申报须回避 1 项");
    assertThat(api.postForm(link, null, "none", "yes").status()).isEqualTo(410);

    String refusal = "专家 " + reader + " 已登记须回避申报人 SB01，不能审阅其材料";
    List<Violation> violations = gate.check(context(session));
    assertThat(violations).extracting(Violation::rule, Violation::finding)
        .contains(Tuple.tuple(READER_RULE, refusal));
    // Every other member still owes his declaration; he does not.
    assertThat(violations).filteredOn(v -> v.rule().equals("回避申报")).extracting(Violation::subject)
        .hasSize(10).doesNotContain("评委 " + reader);
    assertThatThrownBy(() -> reviewService.applyPlan(session, plan)).hasMessageContaining(refusal);

    RecordForm record = records.form(session);
    assertThat(record.notes()).contains("回避：专家 " + reader + " 对申报人 SB01 回避（近亲属，本人声明（本人通过链接申报）：配偶之兄），"
        + "不审阅、不表决");
    assertThat(record.item("遇到需要回避的情况，是否主动回避").orElseThrow().evidence())
        .contains("回避申报本人声明 1 人（须回避 1 项）、工作人员代填 0 人、未申报 10 人");
    // A plan that leaves him out of SB01's readers, and staff's reasons for the others, satisfy the gate's part.
    reviewService.applyPlan(session, reviewService.proposePlan(session));
    fixture.declaredOnPaper(session);
    assertThat(gate.check(context(session))).extracting(Violation::rule)
        .doesNotContain(READER_RULE, "回避申报");
  }

  @Test
  void anExpertConfirmsThePledgeTextTheCommitteesSheetCarriesAndTheRecordKeepsItsHashAndTime() {
    ReviewSession session = fixture.sessionWithPanel();
    List<DrawnExpert> attending = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).toList();
    DrawnExpert expert = attending.get(0);
    Api api = new Api(port);
    String link = ExpertLinksTest.linkOf(contacts, session, expert.expertCode(), "工作守则确认");

    String page = api.get(link, null).body();
    List<String> shown = paragraphs(between(page, "class=\"card pledge\"", "</div>"));
    String paper = api.get("/sessions/" + session.code() + "/pledges/experts", "staff1").body();
    List<String> template = paragraphs(between(paper, "class=\"articles\"", "</div>"));
    assertThat(shown).hasSize(9).isEqualTo(template);
    String title = "2026年度测试评委会评审专家工作守则";
    assertThat(page).contains("<h2>" + title + "</h2>");

    Api.Reply wrongName = api.postForm(link, null, "name", "别人", "confirm", "yes");
    assertThat(wrongName.status()).isEqualTo(400);
    assertThat(wrongName.body()).contains("所填姓名与评委名册中的姓名不一致");
    Api.Reply done = api.postForm(link, null, "name", expert.name(), "confirm", "yes");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("您已签名确认《" + title + "》");

    String hash = ImportFile.sha256((title + "\n" + String.join("\n", shown)).getBytes(StandardCharsets.UTF_8));
    PledgeRepository.ExpertPledge kept = pledges.expertPledges(session.id()).stream()
        .filter(p -> p.expertId() == expert.expertId()).findFirst().orElseThrow();
    assertThat(kept.online()).isTrue();
    assertThat(kept.textSha256()).isEqualTo(hash);
    String time = cn.gx.titlereview.platform.PlatformConfig.MINUTES.format(kept.recordedAt());

    // The paper way stays open: another expert signs on paper, and the first one's signed page is scanned too.
    DrawnExpert onPaper = attending.get(1);
    pledgeService.record(session, new ImportFile("pledges.json", ("[{\"expertCode\": \"" + onPaper.expertCode()
        + "\"}]").getBytes(StandardCharsets.UTF_8)), "staff1");
    byte[] scan = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    pledgeService.attachScan(session, expert.expertCode(), new UploadedDocument("签字页.pdf", "application/pdf", scan,
        ImportFile.sha256(scan)), "staff1");

    RecordForm record = records.form(session);
    assertThat(record.item("是否签订遵守专家工作纪律守则").orElseThrow().evidence())
        .contains("附件2 本人链接确认 1 人（" + time + "，文本 SHA-256 " + hash + "）、纸质签字 1 人");
    assertThat(record.pledges().expertsOnline()).isEqualTo(1);
    assertThat(record.pledges().experts()).contains(expert.expertCode() + "：本人通过链接确认于 " + time
            + "，所确认文本 SHA-256 " + hash + "，签字页扫描件 SHA-256 " + ImportFile.sha256(scan))
        .anyMatch(line -> line.startsWith(onPaper.expertCode() + "：纸质签字，staff1 于 "));
  }

  private static String between(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as(start).isNotNegative();
    return html.substring(from, html.indexOf(end, from));
  }

  private static List<String> paragraphs(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      found.add(m.group(1).strip());
    }
    return found;
  }
}
