package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.CorrectionRepository.Correction;
import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.SealedFacts;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.review.VoteCheck;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A later correction of a confirmed session (监管方案 三（二）：依据有关问题线索进行倒查、复查): recorded by the inspector
 * as a fact of the inspection, against the record as it was signed, and in force once the 主管部门负责人 signs it off.
 * It never changes the session's tables or what was signed; the record and the vote outcomes show it beside them.
 * Vote counts are checked by the same rule as the import ({@link VoteCheck}).
 */
@Service
class InspectionCorrections {

  /** The means under which a confirmed session may be corrected. */
  static final Set<String> CORRECTING_MEANS = Set.of("复查", "倒查");

  /** What the inspector proposes: kind VOTES (with the counts), REVOKE or NOTE, and what was found. */
  public record Proposal(String kind, String applicantNo, Integer votersPresent, Integer yes, Integer no,
      Integer abstain, String description) {
  }

  private final InspectionService inspections;
  private final CorrectionRepository corrections;
  private final SessionRepository sessions;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final VoteCheck voteCheck;
  private final CryptoSettings crypto;
  private final SealedFacts sealed;
  private final Clock clock;

  InspectionCorrections(InspectionService inspections, CorrectionRepository corrections,
      SessionRepository sessions, ApplicantRepository applicants, ReviewRepository reviews, VoteCheck voteCheck,
      CryptoSettings crypto, SealedFacts sealed, Clock clock) {
    this.inspections = inspections;
    this.corrections = corrections;
    this.sessions = sessions;
    this.applicants = applicants;
    this.reviews = reviews;
    this.voteCheck = voteCheck;
    this.crypto = crypto;
    this.sealed = sealed;
    this.clock = clock;
  }

  @Transactional
  public long propose(long inspectionId, Proposal p, String user) {
    Inspection inspection = inspections.get(inspectionId);
    if (inspection.sessionId() == null || inspection.means().stream().noneMatch(CORRECTING_MEANS::contains)) {
      throw BusinessException.conflict("督查 " + inspectionId + " 不是针对评审会的复查或倒查：更正须由复查或倒查登记");
    }
    ReviewSession session = sessions.get(inspection.sessionId());
    if (sessions.closure(session.id()).filter(SessionRepository.Closure::confirmed).isEmpty()) {
      throw BusinessException.conflict("评审会 " + session.code() + " 的评审结果尚未确认：请通过评审会自身的流程更正"
          + "（表决结果更正、复核处理），督查更正只用于已确认的结果");
    }
    if (p.description() == null || p.description().isBlank()) {
      throw BusinessException.badRequest("请写明更正内容和依据 description");
    }
    String kind = p.kind() == null ? "" : p.kind();
    Applicant applicant = p.applicantNo() == null || p.applicantNo().isBlank() ? null
        : applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals(p.applicantNo().trim()))
            .findFirst().orElseThrow(() -> BusinessException.notFound("申报人 " + p.applicantNo() + " 不属于评审会 "
                + session.code()));
    Boolean passed = null;
    switch (kind) {
      case CorrectionRepository.VOTES -> {
        if (applicant == null || !reviews.votes(session.id()).containsKey(applicant.id())) {
          throw BusinessException.badRequest("表决票数更正须指明已表决的申报人 applicantNo");
        }
        if (p.votersPresent() == null || p.yes() == null || p.no() == null || p.abstain() == null) {
          throw BusinessException.badRequest("请填写出席人数 votersPresent 和赞成 yes、反对 no、弃权 abstain 票数");
        }
        VoteCheck.Ballot ballot = voteCheck.ballot(session);
        List<String> problems = ballot.problems(applicant.id(), p.votersPresent(), p.yes(), p.no(), p.abstain());
        if (!problems.isEmpty()) {
          throw BusinessException.badRequest("更正未通过校验：" + String.join("；", problems));
        }
        passed = ballot.passes(applicant.id(), p.votersPresent(), p.yes());
      }
      case CorrectionRepository.REVOKE -> {
        if (applicant == null) {
          throw BusinessException.badRequest("撤销通过须指明申报人 applicantNo");
        }
      }
      case CorrectionRepository.NOTE -> {
      }
      default -> throw BusinessException.badRequest("更正类型 kind 应为 VOTES（表决票数更正）、REVOKE（撤销通过）或 NOTE（其他更正）");
    }
    String signed = corrections.signedRecordSha256(session.id()).orElse("未签字");
    return corrections.insert(inspectionId, session.id(), applicant == null ? null : applicant.id(), kind,
        p.votersPresent(), p.yes(), p.no(), p.abstain(), passed, p.description().trim(), signed, user,
        clock.instant());
  }

  /** The 主管部门负责人's sign-off: someone other than the inspector who recorded it, once. */
  @Transactional
  public Correction signOff(long inspectionId, long correctionId, String note, String user) {
    Correction correction = corrections.find(correctionId).filter(c -> c.inspectionId() == inspectionId)
        .orElseThrow(() -> BusinessException.notFound("督查 " + inspectionId + " 没有更正 " + correctionId));
    if (correction.proposedBy().equals(user)) {
      throw BusinessException.conflict("更正须由登记人以外的主管部门负责人签发");
    }
    if (corrections.signOff(inspectionId, correctionId, note == null || note.isBlank() ? null : note.trim(), user,
        clock.instant()) == 0) {
      throw BusinessException.conflict("更正 " + correctionId + " 已签发");
    }
    Correction signed = corrections.find(correctionId).orElseThrow();
    sealed.seal(SealedFact.of(SealedFact.INSPECTION_CORRECTION, sessions.get(signed.sessionId()).code(),
        signed.signedAt(), "inspection", String.valueOf(inspectionId), "correction", String.valueOf(correctionId),
        "record", signed.recordSha256(), "content", crypto.hash().named(signed.describe().getBytes(
            java.nio.charset.StandardCharsets.UTF_8)), "signer", user));
    return signed;
  }
}
