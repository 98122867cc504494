package cn.gx.titlereview.record;

import cn.gx.titlereview.archive.ArchiveSigningKey;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.record.RecordCatalogue.Catalogue;
import cn.gx.titlereview.record.RecordForm.Basics;
import cn.gx.titlereview.record.RecordForm.Group;
import cn.gx.titlereview.record.RecordForm.Item;
import cn.gx.titlereview.record.RecordForm.Pledges;
import cn.gx.titlereview.record.RecordForm.Section;
import cn.gx.titlereview.record.RecordForm.SignatureView;
import cn.gx.titlereview.review.DisciplineIncidents;
import cn.gx.titlereview.review.RecusalRepository;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.review.VoteAmendment;
import cn.gx.titlereview.review.VoteAmendmentRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.spotcheck.SpotCheckView;
import cn.gx.titlereview.training.PledgeRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.SessionAttestations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds the record form (附件1) for a session at any stage from the catalogue, the computed facts and the
 * attestations. Its SHA-256 (over everything but the signatures) is what a signature binds: when any fact changes
 * after signing, the hash no longer matches and the signature shows as invalid.
 */
@Service
public class RecordService {

  static final Map<String, String> SIGNATURE_TITLES = Map.of(
      SignRecordListener.UNIT_HEAD, "评委会组建单位负责人签字(盖章)",
      SignRecordListener.SUPERVISOR, "评委会组建单位监督员签字");

  private final RecordFormVersions forms;
  private final RecordFacts recordFacts;
  private final SessionRepository sessions;
  private final PledgeRepository pledges;
  private final SignatureRepository signatures;
  private final VoteAmendmentRepository amendments;
  private final RecusalRepository recusals;
  private final DisciplineIncidents incidents;
  private final ReviewTimes reviewTimes;
  private final InspectionService inspections;
  private final ArchiveSigningKey archiveKey;
  private final SpotCheckView spotChecks;
  private final ObjectMapper canonical;

  public RecordService(RecordFormVersions forms, RecordFacts recordFacts, SessionRepository sessions,
      PledgeRepository pledges, SignatureRepository signatures, VoteAmendmentRepository amendments,
      RecusalRepository recusals, DisciplineIncidents incidents, ReviewTimes reviewTimes,
      InspectionService inspections, ArchiveSigningKey archiveKey, SpotCheckView spotChecks, ObjectMapper json) {
    this.forms = forms;
    this.recordFacts = recordFacts;
    this.sessions = sessions;
    this.pledges = pledges;
    this.signatures = signatures;
    this.amendments = amendments;
    this.recusals = recusals;
    this.incidents = incidents;
    this.reviewTimes = reviewTimes;
    this.inspections = inspections;
    this.archiveKey = archiveKey;
    this.spotChecks = spotChecks;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** The record with its signatures, each marked valid only if it signed the record as it is now. */
  public RecordForm form(ReviewSession session) {
    RecordForm content = content(session);
    String hash = hash(content);
    List<SignatureView> signed = signatures.list(session.id()).stream()
        .map(s -> new SignatureView(s.role(), SIGNATURE_TITLES.get(s.role()), s.signedBy(), s.signedAt(),
            s.recordSha256().equals(hash)))
        .toList();
    List<String> after = new ArrayList<>(spotChecks.lines(session.id()));
    sessions.closure(session.id()).ifPresent(c -> after.add((c.confirmed() ? "评审结果已确认" : "评审结果未获确认")
        + (c.closedBy() == null ? "" : "：" + c.closedBy()) + " 于 " + RecordFacts.TIME.format(c.closedAt())
        + "；此后评审会数据冻结，更正须经督查（复查或倒查）登记并签发"));
    return content.withSignatures(signed, hash).withInspections(inspections.outcomes(session))
        .withArchiveKey(archiveKey.fingerprint()).withAfterSigning(after);
  }

  public String sha256(ReviewSession session) {
    return hash(content(session));
  }

  private RecordForm content(ReviewSession session) {
    Optional<RecordFormVersions.Version> frozen = forms.frozen(session.id());
    Catalogue current = forms.catalogue(frozen);
    RecordFacts.Reads reads = recordFacts.reads(session.id());
    Map<String, Attestation> attested = reads.attested();
    Map<String, Answer> facts = recordFacts.compute(session, reads);
    List<Section> sections = current.sections().stream().map(section -> new Section(section.title(),
        section.groups().stream().map(group -> {
          List<Item> items = new ArrayList<>();
          for (RecordCatalogue.Item item : group.items()) {
            Answer answer = item.notApplicable() != null ? Answer.of("不适用", "按调整版记录表：" + item.notApplicable())
                : item.attestation() != null ? attested(attested.get(item.attestation()))
                    .and(facts.get(RecordFacts.BESIDE + item.attestation()))
                : facts.getOrDefault(item.fact(), Answer.notReached("未知的事实：" + item.fact()));
            items.add(Item.of(items.size() + 1, item.text(), answer, item.attestation() != null));
          }
          return new Group(group.title(), items);
        }).toList())).toList();
    String title = current.title().replace("{year}", String.valueOf(session.reviewYear()))
        .replace("{committee}", session.committeeName());
    List<String> adjustments = frozen.map(forms::differences).orElse(List.of());
    return new RecordForm(title, current.version(), adjustments, session, basics(reads), sections,
        notes(session, reads), pledges(session.id(), reads.drawn()), List.of(), null, List.of(), null, null);
  }

  private static Answer attested(Attestation a) {
    if (a == null) {
      return Answer.notReached("尚未填报");
    }
    String value = switch (a.value()) {
      case "yes", "true" -> "是";
      case "no", "false" -> "否";
      default -> a.value();
    };
    return new Answer(value, a.attestedBy() + " 于 " + RecordFacts.TIME.format(a.attestedAt()) + " 填报",
        a.attestedBy());
  }

  /** 评审基本情况: applicants, passed (after revoked passes), the pass rates, and recheck problems. */
  private Basics basics(RecordFacts.Reads reads) {
    List<Applicant> all = reads.applicants();
    if (reads.votes().isEmpty()) {
      return new Basics(all.size(), null, null, null, null, null);
    }
    List<RecheckFinding> findings = reads.findings();
    Set<Long> passed = reads.finallyPassed().stream().map(Applicant::id).collect(Collectors.toSet());
    return new Basics(all.size(), passed.size(), rate(passed.size(), all.size()),
        rateOf(all, passed, Applicant.PUBLIC_INSTITUTION), rateOf(all, passed, Applicant.ENTERPRISE_AND_OTHER),
        findings.isEmpty() ? null : findings.stream().filter(RecheckFinding::problem)
            .map(RecheckFinding::applicantId).distinct().count());
  }

  private static String rateOf(List<Applicant> all, Set<Long> passed, String employerType) {
    List<Applicant> ofType = all.stream().filter(a -> employerType.equals(a.employerType())).toList();
    return rate(ofType.stream().filter(a -> passed.contains(a.id())).count(), ofType.size());
  }

  /** A percentage with one decimal, or null when there is nothing to divide by. */
  static String rate(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
  }

  /** 其它需要说明的情况: every failed gate and every rectification, in order. */
  private List<String> notes(ReviewSession session, RecordFacts.Reads reads) {
    long sessionId = session.id();
    List<String> notes = new ArrayList<>();
    reads.gateHistory().stream().filter(g -> !g.passed())
        .forEach(g -> notes.add(RecordFacts.gateEvidence(g) + "：" + g.violations().stream().limit(3)
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
        + RecordFacts.TIME.format(r.replannedAt()) + "）"));
    ReviewTimes.Assessment time = reviewTimes.assess(session,
        ReviewTimes.applicantsPerGroup(reads.applicants(), reads.assignments()));
    if (!time.times().isEmpty()) {
      notes.add("评审时间：" + time.describe());
    }
    attested(reads.attestations(), ReviewTimes.JUSTIFICATION, "评审时间低于下限，组建单位负责人说明：", notes);
    attested(reads.attestations(), "passRateJustification", "评审通过率超过预警上限，组建单位负责人说明：", notes);
    attested(reads.attestations(), "rectificationNote", "整改：", notes);
    return notes;
  }

  private static void attested(SessionAttestations attestations, String key, String prefix, List<String> notes) {
    attestations.history(key).forEach(a -> notes.add(prefix + a.value() + "（" + a.attestedBy() + " 于 "
        + RecordFacts.TIME.format(a.attestedAt()) + "）"));
  }

  private Pledges pledges(long sessionId, List<DrawnExpert> drawn) {
    Set<String> signed = pledges.staffWhoSigned(sessionId);
    List<String> staff = sessions.staff(sessionId);
    Set<Long> expertsSigned = pledges.expertsWhoSigned(sessionId);
    List<DrawnExpert> attending = drawn.stream().filter(DrawnExpert::attending).toList();
    Set<Long> scanned = pledges.scans(sessionId).keySet();
    Set<Long> attendingIds = attending.stream().map(DrawnExpert::expertId).collect(Collectors.toSet());
    List<PledgeRepository.ExpertPledge> theirs = pledges.expertPledges(sessionId).stream()
        .filter(p -> attendingIds.contains(p.expertId())).toList();
    return new Pledges(staff.stream().filter(signed::contains).toList(),
        staff.stream().filter(u -> !signed.contains(u)).toList(), attending.size(),
        (int) attending.stream().filter(e -> expertsSigned.contains(e.expertId())).count(),
        (int) attending.stream().filter(e -> scanned.contains(e.expertId())).count(),
        attending.stream().filter(e -> !expertsSigned.contains(e.expertId())).map(DrawnExpert::expertCode).toList(),
        (int) theirs.stream().filter(PledgeRepository.ExpertPledge::online).count(),
        theirs.stream().map(p -> p.expertCode() + "：" + p.describe()).toList());
  }

  private String hash(RecordForm content) {
    try {
      return ImportFile.sha256(canonical.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
