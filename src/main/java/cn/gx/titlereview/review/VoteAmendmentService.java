package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository.VoteCount;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 表决结果更正: after the vote closed, staff propose a change of one applicant's counts with a reason; a supervisor
 * approves or rejects it. Approved changes apply the vote rule again. All amendments stay on the record: this is how
 * the system answers 是否存在为盲目追求评审通过率而干扰专家评审意见.
 */
@Service
class VoteAmendmentService {

  public record Proposal(String applicantNo, Integer votersPresent, Integer yes, Integer no, Integer abstain,
      String reason) {
  }

  private final ReviewService reviewService;
  private final ReviewRepository reviews;
  private final VoteAmendmentRepository amendments;
  private final ApplicantRepository applicants;
  private final VoteCheck voteCheck;
  private final Clock clock;

  VoteAmendmentService(ReviewService reviewService, ReviewRepository reviews,
      VoteAmendmentRepository amendments, ApplicantRepository applicants, VoteCheck voteCheck, Clock clock) {
    this.reviewService = reviewService;
    this.reviews = reviews;
    this.amendments = amendments;
    this.applicants = applicants;
    this.voteCheck = voteCheck;
    this.clock = clock;
  }

  @Transactional
  public long propose(ReviewSession session, Proposal p, String user) {
    if (!reviewService.votesClosed(session)) {
      throw BusinessException.conflict("表决尚未结束，请直接重新导入表决结果");
    }
    if (p.reason() == null || p.reason().isBlank()) {
      throw BusinessException.badRequest("请填写更正理由 reason");
    }
    if (p.votersPresent() == null || p.yes() == null || p.no() == null || p.abstain() == null) {
      throw BusinessException.badRequest("请填写出席人数 votersPresent 和赞成 yes、反对 no、弃权 abstain 票数");
    }
    Applicant applicant = applicants.list(session.id()).stream()
        .filter(a -> a.applicantNo().equals(p.applicantNo()) && a.eligible()).findFirst()
        .orElseThrow(() -> BusinessException.notFound("申报人 " + p.applicantNo() + " 不存在或未进入表决"));
    List<String> problems = voteCheck.ballot(session).problems(applicant.id(), p.votersPresent(), p.yes(), p.no(),
        p.abstain());
    if (!problems.isEmpty()) {
      throw BusinessException.badRequest("更正申请未通过校验：" + String.join("；", problems));
    }
    return amendments.propose(session.id(), applicant.id(), p.votersPresent(), p.yes(), p.no(), p.abstain(),
        p.reason().trim(), user, clock.instant());
  }

  @Transactional
  public void decide(ReviewSession session, long id, boolean approve, String note, String user) {
    VoteAmendment amendment = amendments.list(session.id()).stream().filter(a -> a.id() == id).findFirst()
        .orElseThrow(() -> BusinessException.notFound("更正申请 " + id + " 不存在"));
    if (amendment.proposedBy().equals(user)) {
      throw BusinessException.conflict("更正申请须由提出人以外的监督员审批");
    }
    if (amendments.decide(session.id(), id, approve ? VoteAmendment.APPROVED : VoteAmendment.REJECTED, note, user,
        clock.instant()) == 0) {
      throw BusinessException.conflict("更正申请 " + id + " 已审批，不能重复审批");
    }
    if (approve) {
      // Checked again as the import checks: attendance or recusals may have changed since the proposal.
      VoteCheck.Ballot ballot = voteCheck.ballot(session);
      List<String> problems = ballot.problems(amendment.applicantId(), amendment.votersPresent(), amendment.yes(),
          amendment.no(), amendment.abstain());
      if (!problems.isEmpty()) {
        throw BusinessException.badRequest("更正申请 " + id + " 未通过校验，不能批准：" + String.join("；", problems));
      }
      reviews.updateVote(new VoteCount(amendment.applicantId(), amendment.votersPresent(), amendment.yes(),
          amendment.no(), amendment.abstain(), ballot.passes(amendment.applicantId(), amendment.votersPresent(),
          amendment.yes())), clock.instant());
    }
  }
}
