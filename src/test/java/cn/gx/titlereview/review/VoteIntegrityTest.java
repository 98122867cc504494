package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.recheck.VoteOutcomes;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One vote rule ({@link VoteCheck#WORDING}): eligible voters are those present less the recused who are present, so
 * a recused expert who stayed away is subtracted once, not twice; the import, the amendments and the outcomes all
 * apply it.
 */
@IntegrationTest
class VoteIntegrityTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewService reviewService;
  @Autowired RecusalRepository recusals;
  @Autowired ApplicantRepository applicants;
  @Autowired AttendanceService attendance;
  @Autowired ExpertDrawService drawService;
  @Autowired VoteOutcomes outcomes;
  @LocalServerPort int port;

  /** 11 members, 10 present; 3 recused for SB02, one of whom is the absent one: 8 may vote. */
  private ReviewSession tenPresentThreeRecusedOneAbsent() {
    ReviewSession session = fixture.sessionWithPanel();
    List<DrawnExpert> members = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).toList();
    attendance.record(session, AttendanceService.REVIEW, data.json(members.stream().map(m -> row("expertCode",
        m.expertCode(), "present", !m.equals(members.get(0)))).toList()), "staff1");
    Applicant sb02 = applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals("SB02")).findFirst()
        .orElseThrow();
    for (DrawnExpert recused : members.subList(0, 3)) {
      recusals.add(session.id(), sb02.id(), recused.expertId(), "近亲属", "本人声明", null, "staff1", Instant.now(),
          null);
    }
    return session;
  }

  @Test
  void aRecusedExpertWhoIsAbsentIsSubtractedOnce() {
    ReviewSession session = tenPresentThreeRecusedOneAbsent();
    // Eight votes from eight eligible voters are accepted; six of eight pass (18 ≥ 16), five do not.
    reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB02", "votersPresent", 10, "yes", 6, "no", 2, "abstain", 0),
        row("applicantNo", "SB01", "votersPresent", 10, "yes", 6, "no", 4, "abstain", 0))), "staff3");
    assertThat(outcomes.outcomes(session)).filteredOn(o -> o.applicantNo().equals("SB02")).singleElement()
        .satisfies(o -> {
          assertThat(o.recusedPresent()).isEqualTo(2);
          assertThat(o.eligible()).isEqualTo(8);
          assertThat(o.required()).isEqualTo(6);
          assertThat(o.passed()).isTrue();
          assertThat(o.revoked()).isFalse();
        });
    // Nine votes cannot come from eight voters; 5 of 8 falls short.
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB02", "votersPresent", 10, "yes", 6, "no", 3, "abstain", 0))), "staff3"))
        .hasMessageContaining("合计 9 票，超过可表决的 8 人（出席 10 人，其中须回避且出席的 2 人不表决）");
    reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB02", "votersPresent", 10, "yes", 5, "no", 3, "abstain", 0))), "staff3");
    assertThat(outcomes.outcomes(session)).filteredOn(o -> o.applicantNo().equals("SB02")).singleElement()
        .extracting(VoteOutcomes.Outcome::passed).isEqualTo(false);
  }

  @Test
  void moreVotersThanWerePresentAreRefused() {
    ReviewSession session = tenPresentThreeRecusedOneAbsent();
    assertThatThrownBy(() -> reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB01", "votersPresent", 11, "yes", 11, "no", 0, "abstain", 0))), "staff3"))
        .hasMessageContaining("11 人超过登记出席的 10 人");
  }

  @Test
  void theOutcomesAreServedPerApplicantToTheFourGroups() {
    ReviewSession session = fixture.sessionWithVotes();
    Api api = new Api(port);
    Api.Reply reply = api.get("/api/sessions/" + session.code() + "/vote-outcomes", "unithead1");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("\"applicantNo\":\"SB03\"", "\"eligible\":9", "\"required\":6",
        "\"passed\":true", "\"revoked\":false");
    assertThat(api.get("/api/sessions/" + session.code() + "/vote-outcomes", "depthead1").status()).isEqualTo(403);
  }
}
