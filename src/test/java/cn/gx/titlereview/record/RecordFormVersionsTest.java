package cn.gx.titlereview.record;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.RosterGate;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.publicity.PublicityGate;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.workflow.gate.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 附件1 可适当调整: an adjusted form is data, frozen per session, shown with its differences, and never relaxes a gate. */
@IntegrationTest
class RecordFormVersionsTest {

  @Autowired RecordFormVersions forms;
  @Autowired RecordService records;
  @Autowired RecordGate recordGate;
  @Autowired TestData data;
  @Autowired SessionFixture fixture;
  @Autowired SessionRepository sessions;
  @Autowired RosterGate rosterGate;
  @Autowired PublicityGate publicityGate;
  @Autowired PublicityRepository publicity;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired TestRegion region;

  @Test
  void aSessionStartedUnderAnAdjustedFormShowsItWithItsVersionAndDifferences() {
    String committee = "南宁市工程系列中级评委会-" + System.nanoTime();
    forms.publish(file(committee, "中级", """
        {"op":"reword","item":"是否随机抽取","text":"是否通过市专家库系统随机抽取"},
        {"op":"notApplicable","item":"是否在不联网的电脑上抽取","reason":"本市专家库系统为内网系统"},
        {"op":"add","group":"抽取专家情况","text":"是否抽取了县区专家","key":"countyExpertsDrawn","attestedBy":"supervisor"}
        """), "approver1");
    ReviewSession session = startSession(committee, "中级");

    RecordForm form = records.form(session);
    assertThat(form.version()).isEqualTo("南宁版（" + committee + " 调整版第 1 版）");
    assertThat(form.adjustments()).containsExactly(
        "改写：“是否随机抽取”改为“是否通过市专家库系统随机抽取”",
        "不适用：“是否在不联网的电脑上抽取”，理由：本市专家库系统为内网系统",
        "新增：“是否抽取了县区专家”（抽取专家情况，由 supervisor 组填报）");
    assertThat(form.item("是否随机抽取")).isEmpty();
    assertThat(form.item("是否通过市专家库系统随机抽取")).isPresent();
    assertThat(form.item("是否在不联网的电脑上抽取").orElseThrow().answer()).isEqualTo("不适用");
    assertThat(form.item("是否抽取了县区专家").orElseThrow().answer()).isEqualTo("未完成");
    assertThat(recordGate.check(context(session))).extracting(Violation::subject)
        .contains("调整版记录表新增项“是否抽取了县区专家”");

    // A later version applies to later sessions only.
    forms.publish(file(committee, "中级", """
        {"op":"reword","item":"是否随机抽取","text":"第二版表述"}"""), "approver1");
    assertThat(records.form(session).version()).endsWith("调整版第 1 版）");
  }

  @Test
  void aSeniorCommitteeThatIsNotSelfManagedKeepsTheDefaultForm() {
    String committee = "广西工程系列高级评委会-" + System.nanoTime();
    assertThatThrownBy(() -> forms.publish(file(committee, "正高", """
        {"op":"notApplicable","item":"是否随机抽取","reason":"不需要"}"""), "approver1"))
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).singleElement()
            .asString().contains("只有自主评审的评委会"));
    ReviewSession session = data.session("正高", committee);
    forms.freeze(session);
    assertThat(records.form(session).version()).isEqualTo("附件1（桂职办〔2022〕65号）");
    assertThat(records.form(session).adjustments()).isEmpty();
  }

  @Test
  void everyProblemOfAFileIsNamedAndNothingIsPublished() {
    String committee = "错误调整评委会-" + System.nanoTime();
    assertThatThrownBy(() -> forms.publish(file(committee, "初级", """
        {"op":"reword","item":"是否随机抽选","text":"新表述"},
        {"op":"notApplicable","item":"是否随机抽取"},
        {"op":"remove","item":"是否随机抽取"},
        {"op":"add","group":"抽取专家情况","text":"新增项","key":"x","attestedBy":"supervisor"}"""), "approver1"))
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
            "第 1 项调整：找不到记录表项“是否随机抽选”",
            "第 2 项调整：标记不适用须注明理由 reason",
            "第 3 项调整：op 应为 reword / notApplicable / add 之一，实际为“remove”",
            "第 4 项调整：新增的填报项须提供英文标识 key（字母开头，3–61 个字母、数字、._-）"));
    assertThat(forms.list()).noneMatch(v -> v.committeeName().equals(committee));
  }

  @Test
  void settingAsideAStatutoryItemLeavesItsGateInForce() {
    String committee = "自主评审单位评委会-" + System.nanoTime();
    forms.publish(file(committee, "中级", """
        {"op":"notApplicable","item":"是否按规定人数抽取评审专家","reason":"试图放宽"},
        {"op":"notApplicable","item":"公示时间是否不少于5个工作日","reason":"试图放宽"}"""), "approver1");
    ReviewSession session = fixture.sessionWithRoster(committee, "中级");
    forms.freeze(session);
    assertThat(records.form(session).item("是否按规定人数抽取评审专家").orElseThrow().answer()).isEqualTo("不适用");

    assertThat(rosterGate.check(context(session, "panelSize", 5, "reserveCount", 2, "minPerGroup", 1)))
        .extracting(Violation::rule).contains("评议组不少于3人");
    publicity.saveRound(session.id(), new PublicityRound(1, LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 11),
        "电话 0771-0000000", "staff1"), Instant.now());
    assertThat(publicityGate.check(context(session, "publicityRound", 1))).extracting(Violation::finding)
        .contains("2026-03-06 至 2026-03-11 仅 4 个工作日");
  }

  private ReviewSession startSession(String committee, String level) {
    String code = "RF-" + System.nanoTime();
    identityService.setAuthentication("staff1", List.of("staff"));
    try {
      runtimeService.startProcessInstanceByKey("TitleReviewSession", Map.of("sessionCode", code,
          "committeeCode", region.committee(committee, level).code(), "level", level, "reviewYear", 2026,
          "plannedReviewStart", TestData.REVIEW_START.toString(),
          "plannedReviewEnd", TestData.REVIEW_START.plusDays(2).toString(), "staffUserIds", "staff4"));
    } finally {
      identityService.clearAuthentication();
    }
    return sessions.getByCode(code);
  }

  /** The adjustment file, for a committee registered under that name (only such a committee's form can change). */
  private ImportFile file(String committee, String level, String changes) {
    region.committee(committee, level);
    String json = """
        {"committeeName":"%s","level":"%s","label":"南宁版","reason":"结合本市实际","changes":[%s]}"""
        .formatted(committee, level, changes);
    return new ImportFile("调整.json", json.getBytes(StandardCharsets.UTF_8));
  }
}
