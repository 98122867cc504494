package cn.gx.titlereview.training;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PledgeGateTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ExpertDrawService drawService;
  @Autowired ExpertPledgeService expertPledges;
  @Autowired PledgeRepository pledges;
  @Autowired PledgeGate gate;

  @Test
  void holdsWhenAllStaffAndAllAttendingExpertsSignedAndTrainingWasHeld() {
    ReviewSession session = signedAndTrained();
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void failsForAStaffMemberWhoHasNotSigned() {
    ReviewSession session = fixture.sessionWithPanel();
    pledges.signStaffPledge(session.id(), "staff1", "附件3-2022", Instant.now());
    recordAllExperts(session);
    trained(session, "yes");
    assertThat(gate.check(context(session))).extracting(Violation::subject).containsExactly("工作人员 staff4");
  }

  @Test
  void failsForAnAttendingExpertWithoutASignedCodeOfConduct() {
    ReviewSession session = fixture.sessionWithPanel();
    pledges.signStaffPledge(session.id(), "staff1", "附件3-2022", Instant.now());
    pledges.signStaffPledge(session.id(), "staff4", "附件3-2022", Instant.now());
    List<Map<String, Object>> allButOne = attending(session).stream().skip(1)
        .map(d -> row("expertCode", d.expertCode())).toList();
    expertPledges.record(session, data.json(allButOne), "staff1");
    trained(session, "yes");
    assertThat(gate.check(context(session))).extracting(Violation::subject)
        .containsExactly(attending(session).get(0).label());
  }

  @Test
  void failsWhenTrainingWasNotHeld() {
    ReviewSession session = signedAndTrained();
    fixture.attest(session, "trainingPolicyAndSoftware", "no");
    assertThat(gate.check(context(session))).extracting(Violation::finding)
        .containsExactly("是否培训职称政策条件和软件操作：否（supervisor1 填报）");
  }

  @Test
  void onlyAttendingExpertsCanBeRecordedAsSigned() {
    ReviewSession session = fixture.sessionWithPanel();
    assertThatThrownBy(() -> expertPledges.record(session, data.json(List.of(row("expertCode", "E40"))), "staff1"))
        .hasMessageContaining("第 1 条「专家编号」：E40 不是本评审会确认出席的评委");
  }

  private ReviewSession signedAndTrained() {
    ReviewSession session = fixture.sessionWithPanel();
    pledges.signStaffPledge(session.id(), "staff1", "附件3-2022", Instant.now());
    pledges.signStaffPledge(session.id(), "staff4", "附件3-2022", Instant.now());
    recordAllExperts(session);
    trained(session, "yes");
    return session;
  }

  private void recordAllExperts(ReviewSession session) {
    expertPledges.record(session, data.json(attending(session).stream()
        .map(d -> row("expertCode", d.expertCode())).toList()), "staff1");
  }

  private void trained(ReviewSession session, String answer) {
    fixture.attest(session, "trainingCoursewareWatched", answer);
    fixture.attest(session, "trainingPolicyAndSoftware", answer);
  }

  private List<DrawnExpert> attending(ReviewSession session) {
    return drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).toList();
  }
}
