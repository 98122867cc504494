package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.record.RecordGate;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.review.VoteAmendmentService.Proposal;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Votes are final once the review gate passed: only an amendment a supervisor approves changes a count. */
@IntegrationTest
class VoteAmendmentTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewService reviewService;
  @Autowired ReviewRepository reviews;
  @Autowired VoteAmendmentService amendments;
  @Autowired GateResultRepository gateResults;
  @Autowired ApplicantRepository applicants;
  @Autowired RecordService records;
  @Autowired RecordGate recordGate;
  @Autowired RecheckService recheckService;

  @Test
  void beforeTheVoteClosesCountsAreReimportedNotAmended() {
    ReviewSession session = fixture.sessionWithVotes();
    assertThatThrownBy(() -> amendments.propose(session, new Proposal("SB04", 11, 8, 3, 0, "计票有误"), "staff1"))
        .hasMessageContaining("表决尚未结束");
  }

  @Test
  void afterTheVoteClosesOnlyAnApprovedAmendmentChangesACount() {
    ReviewSession session = closedVote();
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB04", "votersPresent", 11, "yes", 11, "no", 0, "abstain", 0))), "staff3"))
        .hasMessageContaining("表决已结束");
    long id = amendments.propose(session, new Proposal("SB04", 11, 8, 3, 0, "唱票时误将一张赞成票计为反对"), "staff1");
    assertThat(passed(session, "SB04")).isFalse();
    assertThat(recordGate.check(context(session))).extracting(Violation::finding)
        .contains("更正申请 " + id + "（staff1 提出）尚待审批");

    assertThatThrownBy(() -> amendments.decide(session, id, true, "同意", "staff1"))
        .hasMessageContaining("提出人以外");
    amendments.decide(session, id, true, "经核对表决票原件，同意更正", "supervisor1");
    assertThat(passed(session, "SB04")).isTrue();
    assertThatThrownBy(() -> amendments.decide(session, id, false, "重复", "supervisor1"))
        .hasMessageContaining("已审批");
    assertThat(records.form(session).notes()).anyMatch(n -> n.startsWith("表决结果更正：申报人 SB04")
        && n.contains("唱票时误将一张赞成票计为反对") && n.contains("supervisor1 批准"));
  }

  @Test
  void anAmendmentIsCheckedLikeAVoteAndItsProposerMayNotRecheck() {
    ReviewSession session = closedVote();
    assertThatThrownBy(() -> amendments.propose(session, new Proposal("SB04", 6, 6, 0, 0, "改"), "staff1"))
        .hasMessageContaining("出席 6 人，不足评委会 11 人的 2/3");
    amendments.propose(session, new Proposal("SB04", 11, 8, 3, 0, "计票有误"), "staff1");
    assertThatThrownBy(() -> recheckService.record(session, 1, data.json(List.of(
        row("applicantNo", "SB01", "problem", false))), "staff1"))
        .hasMessageContaining("staff1 录入了本评审会的表决结果，不能复核");
  }

  /** An amendment passes the import's attendance check: no more voters than were marked present. */
  @Test
  void anAmendmentCannotCountMoreVotersThanWerePresent() {
    ReviewSession session = closedVote();
    assertThatThrownBy(() -> amendments.propose(session, new Proposal("SB04", 25, 20, 4, 1, "改"), "staff1"))
        .hasMessageContaining("25 人超过登记出席的 11 人");
    assertThat(amendments.propose(session, new Proposal("SB04", 11, 8, 3, 0, "计票有误"), "staff1")).isPositive();
  }

  private ReviewSession closedVote() {
    ReviewSession session = fixture.sessionWithVotes();
    gateResults.record(session.id(), "review", "合规检查：封闭评审", List.of(), "v1", Instant.now(), "staff3", null);
    return session;
  }

  private boolean passed(ReviewSession session, String applicantNo) {
    long id = applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals(applicantNo))
        .map(Applicant::id).findFirst().orElseThrow();
    return reviews.votes(session.id()).get(id).passed();
  }
}
