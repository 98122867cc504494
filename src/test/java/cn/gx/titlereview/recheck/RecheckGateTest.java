package cn.gx.titlereview.recheck;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.preparation.Applicant;
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
class RecheckGateTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired RecheckService recheckService;
  @Autowired RecheckGate gate;
  @Autowired RecheckRepository rechecks;

  @Test
  void coversThePassedApplicantsOnly() {
    ReviewSession session = fixture.sessionWithVotes();
    assertThat(recheckService.passedApplicants(session.id())).extracting(Applicant::applicantNo)
        .containsExactly("SB01", "SB02", "SB03");
  }

  @Test
  void holdsWhenTwoDifferentPeopleRecheckedEveryPassedApplicant() {
    ReviewSession session = rechecked();
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void theSameUserCannotDoBothRechecks() {
    ReviewSession session = fixture.sessionWithVotes();
    fixture.attest(session, "recheckMode", "cross");
    recheckService.record(session, 1, findings(false), "staff1");
    assertThatThrownBy(() -> recheckService.record(session, 2, findings(false), "staff1"))
        .hasMessageContaining("双人复核须由两人分别进行：staff1 已做过第一人复核，不能再做第二人复核");
    recheckService.record(session, 2, findings(false), "staff4");
    assertThatThrownBy(() -> recheckService.record(session, 1, findings(false), "staff4"))
        .hasMessageContaining("staff4 已做过第二人复核，不能再做第一人复核");
  }

  @Test
  void whoeverEnteredTheVotesMayNotRecheckThem() {
    ReviewSession session = fixture.sessionWithVotes();
    assertThatThrownBy(() -> recheckService.record(session, 1, findings(false), "staff3"))
        .hasMessageContaining("staff3 录入了本评审会的表决结果，不能复核");
    fixture.attest(session, "recheckMode", "cross");
    recheckService.record(session, 1, findings(false), "staff1");
    rechecks.upsert(session.id(), recheckService.passedApplicants(session.id()).get(0).id(), 2, false, null,
        "staff3", java.time.Instant.now());
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .contains("复核人 staff3 同时是表决结果的录入人");
  }

  @Test
  void aRecheckerFoundUnfitMayNotRecheckThisSessionAgain() {
    ReviewSession session = fixture.sessionWithVotes();
    recheckService.record(session, 2, findings(false), "staff4");
    rechecks.deleteBy(session.id(), "staff4");
    fixture.attest(session, "unfitRechecker", "staff4：未核对表决票数");
    assertThat(rechecks.findings(session.id())).isEmpty();
    assertThatThrownBy(() -> recheckService.record(session, 2, findings(false), "staff4"))
        .hasMessageContaining("监督员已认定 staff4 在本评审会复核中不称职，不能再复核");
  }

  @Test
  void failsWhileTheSecondRecheckIsMissing() {
    ReviewSession session = fixture.sessionWithVotes();
    fixture.attest(session, "recheckMode", "entrusted");
    recheckService.record(session, 1, findings(false), "staff1");
    assertThat(gate.check(context(session))).extracting(Violation::finding).containsOnly("缺少第二人复核").hasSize(3);
  }

  @Test
  void failsWithoutARecordedMode() {
    ReviewSession session = fixture.sessionWithVotes();
    recheckService.record(session, 1, findings(false), "staff1");
    recheckService.record(session, 2, findings(false), "staff4");
    assertThat(gate.check(context(session))).extracting(Violation::rule).containsExactly("交叉审核或委托复核");
  }

  @Test
  void aProblemKeepsTheGateClosedUntilItIsDisposed() {
    ReviewSession session = fixture.sessionWithVotes();
    fixture.attest(session, "recheckMode", "cross");
    recheckService.record(session, 1, findings(true), "staff1");
    recheckService.record(session, 2, findings(false), "staff4");
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .containsExactly("复核发现问题（论文检索证明缺失）尚未处理：须撤销通过或更正后确认");
    recheckService.dispose(session, "SB01", RecheckFinding.CONFIRMED, "已补交检索证明", "supervisor1");
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void onlyPassedApplicantsCanBeRecheckedAndAProblemNeedsANote() {
    ReviewSession session = fixture.sessionWithVotes();
    assertThatThrownBy(() -> recheckService.record(session, 1, data.json(List.of(
        row("applicantNo", "SB04", "problem", false), row("applicantNo", "SB01", "problem", true))), "staff1"))
        .hasMessageContaining("第 1 条「申报编号」：SB04 不是本评审会表决通过的申报人");
  }

  private ReviewSession rechecked() {
    ReviewSession session = fixture.sessionWithVotes();
    fixture.attest(session, "recheckMode", "cross");
    recheckService.record(session, 1, findings(false), "staff1");
    recheckService.record(session, 2, findings(false), "staff4");
    return session;
  }

  /** Findings for SB01..SB03; with a problem, SB01's. */
  private cn.gx.titlereview.platform.importing.ImportFile findings(boolean problemForFirst) {
    List<Map<String, Object>> rows = List.of(
        row("applicantNo", "SB01", "problem", problemForFirst, "note", problemForFirst ? "论文检索证明缺失" : null),
        row("applicantNo", "SB02", "problem", false),
        row("applicantNo", "SB03", "problem", false));
    return data.json(rows);
  }
}
