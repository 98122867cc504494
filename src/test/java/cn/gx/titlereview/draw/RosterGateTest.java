package cn.gx.titlereview.draw;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RosterGateTest {

  @Autowired SessionFixture fixture;
  @Autowired RosterGate gate;
  @Autowired cn.gx.titlereview.workflow.attestation.AttestationRepository attestations;

  @Test
  void holdsWhenTheRosterIsCompleteTheSupervisorPresentAndThePoolLargeEnough() {
    ReviewSession session = confirmed("40", "yes");
    assertThat(check(session, 11, 4, 3)).isEmpty();
  }

  @Test
  void failsWhenTheImportedCountDiffersFromTheSupervisorsOfficialTotal() {
    ReviewSession session = confirmed("41", "yes");
    assertThat(check(session, 11, 4, 3)).extracting(Violation::finding)
        .containsExactly("导入名册 40 人，与监督员 supervisor1 核对的官方总数 41 人不一致");
  }

  @Test
  void failsWithoutTheSupervisorsPresence() {
    ReviewSession session = confirmed("40", "no");
    assertThat(check(session, 11, 4, 3)).extracting(Violation::rule).containsExactly("纪检部门全程监督");
  }

  @Test
  void failsWhenThePresenceIsConfirmedByOneOfTheSessionsStaff() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.attest(session, "officialRosterTotal", "40");
    attestations.append(session.id(), "supervisorPresentAtDraw", "yes", "staff4", java.time.Instant.now(), null);
    assertThat(check(session, 11, 4, 3)).extracting(Violation::finding)
        .containsExactly("确认到场监督的 staff4 是本评审会的工作人员，不能监督本人经办的抽取");
  }

  @Test
  void failsWhenASpecialtyHasTooFewActiveExpertsForMembersAndReserves() {
    ReviewSession session = confirmed("40", "yes");
    // 36 members + 4 reserves over two groups: 18+2 each; 土木工程 has 19 active (E40 is suspended)
    assertThat(check(session, 36, 4, 3)).extracting(Violation::subject, Violation::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("评议组“土木工程”", "名册中可抽取的在库专家 19 人（已屏蔽前几年连续出席者），不足以抽取 18 名评委和 2 名候补"));
  }

  @Test
  void failsWhenThePanelCannotGiveEveryGroupTheStatutoryThree() {
    ReviewSession session = confirmed("40", "yes");
    assertThat(check(session, 5, 2, 1)).extracting(Violation::rule, Violation::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("评议组不少于3人", "评议组“电气工程”"));
  }

  @Test
  void aDmnMinimumAboveThreeIsEnforcedToo() {
    ReviewSession session = confirmed("40", "yes");
    assertThat(check(session, 11, 4, 6)).extracting(Violation::rule).containsExactly("评议组不少于6人");
  }

  private ReviewSession confirmed(String officialTotal, String present) {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.attest(session, "officialRosterTotal", officialTotal);
    fixture.attest(session, "supervisorPresentAtDraw", present);
    return session;
  }

  private List<Violation> check(ReviewSession session, int panel, int reserves, int minPerGroup) {
    return gate.check(context(session, "panelSize", panel, "reserveCount", reserves, "minPerGroup", minPerGroup));
  }
}
