package cn.gx.titlereview.review;

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
import cn.gx.titlereview.training.PledgeGate;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attendance per expert: the vote needs the quorum present, and nobody absent votes later or by proxy. */
@IntegrationTest
class AttendanceTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired AttendanceService attendance;
  @Autowired ExpertDrawService drawService;
  @Autowired ReviewService reviewService;
  @Autowired ReviewGate reviewGate;
  @Autowired PledgeGate pledgeGate;

  private final List<Map<String, Object>> vote = List.of(
      row("applicantNo", "SB01", "votersPresent", 9, "yes", 9, "no", 0, "abstain", 0));

  @Test
  void noVoteWithoutTheQuorumMarkedPresent() {
    ReviewSession session = fixture.sessionWithPanelWithoutAttendance();
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(vote), "staff3"))
        .hasMessageContaining("登记出席评审的评委 0 人，不足评委会 11 人的 2/3");
    mark(session, AttendanceService.REVIEW, 7);
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(vote), "staff3"))
        .hasMessageContaining("登记出席评审的评委 7 人");
  }

  @Test
  void moreVotersThanMarkedPresentIsRefused() {
    ReviewSession session = fixture.sessionWithPanelWithoutAttendance();
    mark(session, AttendanceService.REVIEW, 9);
    reviewService.importVotes(session, data.json(vote), "staff3");
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB01", "votersPresent", 10, "yes", 10, "no", 0, "abstain", 0))), "staff3"))
        .hasMessageContaining("10 人超过登记出席的 9 人：缺席评委不得事后或委托投票");
  }

  @Test
  void theGatesNameExpertsWithoutAttendanceAndThoseWhoMissedTraining() {
    ReviewSession session = fixture.sessionWithPanelWithoutAttendance();
    mark(session, AttendanceService.TRAINING, 10);
    assertThat(pledgeGate.check(context(session))).extracting(Violation::finding).contains("未参加评前培训");
    assertThat(reviewGate.check(context(session))).extracting(Violation::finding).contains("未登记评审出席情况");
  }

  /** The first n members present, the others absent. */
  private void mark(ReviewSession session, String event, int n) {
    List<DrawnExpert> members = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).toList();
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      rows.add(row("expertCode", members.get(i).expertCode(), "present", i < n));
    }
    attendance.record(session, event, data.json(rows), "staff1");
  }
}
