package cn.gx.titlereview.recheck;

import cn.gx.titlereview.inspection.CorrectionRepository;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.review.ReviewRepository.VoteCount;
import cn.gx.titlereview.review.VoteCheck;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each applicant's vote under the one vote rule ({@link VoteCheck#WORDING}): how many could vote, the yes votes, how
 * many were required, whether it passed, whether the recheck revoked the pass, and beside it any correction an
 * inspection recorded after the results were confirmed. Counts only (secret ballot).
 */
@RestController
public class VoteOutcomes {

  /**
   * One applicant's outcome. {@code eligible} = {@code votersPresent} − {@code recusedPresent}; {@code required} is
   * the fewest yes votes that pass among them.
   */
  public record Outcome(String applicantNo, int votersPresent, int recusedPresent, int eligible, int yes, int no,
      int abstain, int required, boolean passed, boolean revoked, List<String> inspectionCorrections) {
  }

  private final SessionAccess access;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final RecheckRepository rechecks;
  private final VoteCheck voteCheck;
  private final CorrectionRepository corrections;

  public VoteOutcomes(SessionAccess access, ApplicantRepository applicants, ReviewRepository reviews,
      RecheckRepository rechecks, VoteCheck voteCheck, CorrectionRepository corrections) {
    this.access = access;
    this.applicants = applicants;
    this.reviews = reviews;
    this.rechecks = rechecks;
    this.voteCheck = voteCheck;
    this.corrections = corrections;
  }

  @GetMapping("/api/sessions/{code}/vote-outcomes")
  public List<Outcome> outcomes(@PathVariable String code) {
    return outcomes(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER));
  }

  public List<Outcome> outcomes(ReviewSession session) {
    Map<Long, VoteCount> votes = reviews.votes(session.id());
    if (votes.isEmpty()) {
      return List.of();
    }
    VoteCheck.Ballot ballot = voteCheck.ballot(session);
    Set<Long> revoked = rechecks.findings(session.id()).stream()
        .filter(f -> RecheckFinding.REVOKED.equals(f.disposition())).map(RecheckFinding::applicantId)
        .collect(Collectors.toSet());
    List<CorrectionRepository.Correction> corrected = corrections.ofSession(session.id());
    return applicants.list(session.id()).stream().filter(a -> votes.containsKey(a.id())).map(a -> {
      VoteCount v = votes.get(a.id());
      int eligible = ballot.eligible(a.id(), v.votersPresent());
      return new Outcome(a.applicantNo(), v.votersPresent(), ballot.recusedPresent(a.id()), eligible, v.yes(), v.no(),
          v.abstain(), ballot.required(eligible), v.passed(), revoked.contains(a.id()),
          corrected.stream().filter(c -> a.applicantNo().equals(c.applicantNo()))
              .map(CorrectionRepository.Correction::describe).toList());
    }).toList();
  }
}
