package cn.gx.titlereview.record;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.DisciplineIncidents;
import cn.gx.titlereview.review.RecusalRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.review.VoteAmendment;
import cn.gx.titlereview.review.VoteAmendmentRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.SessionReading;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.attestation.SessionAttestations;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The record's 其它需要说明的情况: what went wrong or was changed during the session, and how it was answered. */
@Component
class RecordNotes {

  private final GateResultRepository gateResults;
  private final DisciplineIncidents incidents;
  private final RecusalRepository recusals;
  private final VoteAmendmentRepository amendments;
  private final SessionRepository sessions;
  private final ReviewTimes reviewTimes;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final AttestationRepository attestations;

  RecordNotes(GateResultRepository gateResults, DisciplineIncidents incidents, RecusalRepository recusals,
      VoteAmendmentRepository amendments, SessionRepository sessions, ReviewTimes reviewTimes,
      ApplicantRepository applicants, ReviewRepository reviews, AttestationRepository attestations) {
    this.gateResults = gateResults;
    this.incidents = incidents;
    this.recusals = recusals;
    this.amendments = amendments;
    this.sessions = sessions;
    this.reviewTimes = reviewTimes;
    this.applicants = applicants;
    this.reviews = reviews;
    this.attestations = attestations;
  }

  /** 其它需要说明的情况: every failed gate and every rectification, in order. */
  List<String> describe(SessionReading reading) {
    ReviewSession session = reading.session();
    long sessionId = session.id();
    List<String> notes = new ArrayList<>();
    gateResults.history(reading).stream().filter(g -> !g.passed())
        .forEach(g -> notes.add(g.describe() + "：" + g.violations().stream().limit(3)
            .map(v -> v.subject() + "，" + v.finding()).collect(Collectors.joining("；"))
            + (g.violations().size() > 3 ? "……" : "")));
    incidents.list(sessionId).forEach(i -> notes.add("违纪事件 " + i.id() + "（" + i.itemText() + "）：" + (i.disposed()
        ? i.description() + "；涉及：" + i.involved() + "；处理：" + i.action() + "（" + i.disposedBy() + " 登记）"
        : "尚未处理")));
    recusals.list(sessionId).forEach(r -> notes.add("回避：专家 " + r.expertCode() + " 对申报人 " + r.applicantNo()
        + " 回避（" + r.category() + "，" + r.sourceShown() + (r.note() == null ? "" : "：" + r.note())
        + "），不审阅、不表决"));
    amendments.list(sessionId).forEach(m -> notes.add("表决结果更正：申报人 " + m.applicantNo() + " 改为出席 "
        + m.votersPresent() + "、赞成 " + m.yes() + "、反对 " + m.no() + "、弃权 " + m.abstain() + "，理由：" + m.reason()
        + "（" + m.proposedBy() + " 提出；" + switch (m.status()) {
          case VoteAmendment.APPROVED -> m.decidedBy() + " 批准";
          case VoteAmendment.REJECTED -> m.decidedBy() + " 驳回";
          default -> "待监督员审批";
        } + "）"));
    sessions.replans(sessionId).forEach(r -> notes.add("评审日期调整：由 " + r.previousStart() + " 至 " + r.previousEnd()
        + " 改为 " + r.newStart() + " 至 " + r.newEnd() + "，理由：" + r.reason() + "（" + r.replannedBy() + " 于 "
        + MINUTES.format(r.replannedAt()) + "）"));
    ReviewTimes.Assessment time = reviewTimes.assess(session,
        ReviewTimes.applicantsPerGroup(applicants.list(reading), reviews.assignments(reading)));
    if (!time.times().isEmpty()) {
      notes.add("评审时间：" + time.describe());
    }
    attested(attestations.all(reading), ReviewTimes.JUSTIFICATION, "评审时间低于下限，组建单位负责人说明：", notes);
    attested(attestations.all(reading), "passRateJustification", "评审通过率超过预警上限，组建单位负责人说明：", notes);
    attested(attestations.all(reading), "rectificationNote", "整改：", notes);
    return notes;
  }

  private static void attested(SessionAttestations attestations, String key, String prefix, List<String> notes) {
    attestations.history(key).forEach(a -> notes.add(prefix + a.value() + "（" + a.attestedBy() + " 于 "
        + MINUTES.format(a.attestedAt()) + "）"));
  }
}
