package cn.gx.titlereview.record;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.expert.ContactLog;
import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.record.RecordCatalogue.Catalogue;
import cn.gx.titlereview.record.RecordForm.Group;
import cn.gx.titlereview.record.RecordForm.Item;
import cn.gx.titlereview.record.RecordForm.Pledges;
import cn.gx.titlereview.record.RecordForm.Section;
import cn.gx.titlereview.record.RecordForm.SignatureView;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.RegionViews;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.spotcheck.SpotCheckView;
import cn.gx.titlereview.training.PledgeRepository;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds the record form (附件1) for a session at any stage from the catalogue, the computed facts and the
 * attestations. Its hash (over everything but the signatures; SM3 under the {@code gm} profile, named as {@code sm3:…})
 * is what a signature binds: when any fact changes after signing, the hash no longer matches and the signature shows
 * as invalid. A signature keeps the algorithm it was made with: an earlier SHA-256 is checked as SHA-256.
 */
@Service
public class RecordService {

  static final Map<String, String> SIGNATURE_TITLES = Map.of(
      SignRecordListener.UNIT_HEAD, "评委会组建单位负责人签字(盖章)",
      SignRecordListener.SUPERVISOR, "评委会组建单位监督员签字");

  private final RecordFormVersions forms;
  private final RecordFacts recordFacts;
  private final RecordCounts counts;
  private final RecordNotes notes;
  private final SessionRepository sessions;
  private final DrawRepository draws;
  private final AttestationRepository attestations;
  private final PledgeRepository pledges;
  private final SignatureRepository signatures;
  private final InspectionService inspections;
  private final Jurisdiction jurisdiction;
  private final RegionViews regionViews;
  private final SigningKey archiveKey;
  private final CryptoSettings crypto;
  private final SpotCheckView spotChecks;
  private final ContactLog contacts;
  private final ObjectMapper canonical;

  public RecordService(RecordFormVersions forms, RecordFacts recordFacts, RecordCounts counts, RecordNotes notes,
      SessionRepository sessions, DrawRepository draws, AttestationRepository attestations, PledgeRepository pledges,
      SignatureRepository signatures, InspectionService inspections, Jurisdiction jurisdiction,
      RegionViews regionViews, SigningKey archiveKey, CryptoSettings crypto, SpotCheckView spotChecks,
      ContactLog contacts, ObjectMapper json) {
    this.forms = forms;
    this.recordFacts = recordFacts;
    this.counts = counts;
    this.notes = notes;
    this.sessions = sessions;
    this.draws = draws;
    this.attestations = attestations;
    this.pledges = pledges;
    this.signatures = signatures;
    this.inspections = inspections;
    this.jurisdiction = jurisdiction;
    this.regionViews = regionViews;
    this.archiveKey = archiveKey;
    this.crypto = crypto;
    this.spotChecks = spotChecks;
    this.contacts = contacts;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        .addMixIn(ReviewSession.class, SessionAsSigned.class);
  }

  /**
   * The session as the signed content describes it: its committee's registry id (added with the region, V31) is an
   * id of ours, not a fact of the record, and leaving it out keeps every signature made before valid.
   */
  @JsonIgnoreProperties("committeeId")
  abstract static class SessionAsSigned {
  }

  /** The record with its signatures, each marked valid only if it signed the record as it is now. */
  public RecordForm form(ReviewSession session) {
    return form(session, new SessionReading(session));
  }

  /**
   * The record and the counts behind its 评审基本情况, from one read of the session's data: what the oversight read
   * model keeps of each session.
   */
  public Summary summary(ReviewSession session) {
    SessionReading reading = new SessionReading(session);
    return new Summary(form(session, reading), counts.counts(reading));
  }

  /**
   * 评审基本情况 and the answers of {@code keys}, read from only the tables they need instead of building the whole
   * record: what a list of many sessions shows in each row.
   */
  public Glance glance(ReviewSession session, Set<String> keys) {
    SessionReading reading = new SessionReading(session);
    return new Glance(counts.basics(reading), recordFacts.compute(reading, keys));
  }

  /** A session's figures and some of its record's answers, by fact key. */
  public record Glance(RecordForm.Basics basics, Map<String, Answer> answers) {

    /** The answer as the record shows it (未完成 where not reached). */
    public String shown(String key) {
      return answers.get(key).shown();
    }
  }

  /** A record with the counts its rates are computed from. */
  public record Summary(RecordForm form, Counts counts) {
  }

  /**
   * Applicants and passed (after revoked passes), overall and by employer type (体制内事业单位, 企业及其他), and the
   * applicants with a recheck problem; the passed figures are null before votes are recorded, recheck problems before
   * any recheck.
   */
  public record Counts(int applicants, Integer passed, int applicantsPublic, Integer passedPublic,
      int applicantsEnterprise, Integer passedEnterprise, Long recheckProblems) {
  }

  private RecordForm form(ReviewSession session, SessionReading reading) {
    RecordForm content = content(session, reading);
    Content current = new Content(bytes(content), crypto.hash());
    List<SignatureView> signed = signatures.list(session.id()).stream()
        .map(s -> new SignatureView(s.role(), SIGNATURE_TITLES.get(s.role()), s.signedBy(), s.signedAt(),
            current.signedBy(s.recordSha256())))
        .toList();
    List<String> after = new ArrayList<>(spotChecks.lines(session.id()));
    sessions.closure(session.id()).ifPresent(c -> after.add((c.confirmed() ? "评审结果已确认" : "评审结果未获确认")
        + (c.closedBy() == null ? "" : "：" + c.closedBy()) + " 于 " + MINUTES.format(c.closedAt())
        + "；此后评审会数据冻结，更正须经督查（复查或倒查）登记并签发"));
    List<String> inspected = new ArrayList<>(inspections.outcomes(session));
    inspected.addAll(grants(session));
    return content.withSignatures(signed, current.hash()).withInspections(inspected)
        .withArchiveKey(archiveKey.fingerprint()).withAfterSigning(after);
  }

  /**
   * 交叉检查、联合检查、委派第三方督查 that opened the session's committee during its review year (监管方案 三（二）): beside
   * the record with the inspections, never in the signed content, so that a later grant leaves the signatures alone.
   */
  private List<String> grants(ReviewSession session) {
    LocalDate yearStart = LocalDate.of(session.reviewYear(), 1, 1);
    LocalDate until = sessions.closure(session.id()).map(c -> LocalDate.ofInstant(c.closedAt(), PlatformConfig.ZONE))
        .orElse(jurisdiction.today());
    return regionViews.grants(jurisdiction.region().committee(session.committeeId())).stream()
        .filter(g -> !g.validTo().isBefore(yearStart) && !g.validFrom().isAfter(until))
        .map(g -> "授权检查：" + g.describe()).toList();
  }

  /** The record's hash now, by the profile's algorithm: what a signature made now binds. */
  public String hash(ReviewSession session) {
    return current(session).hash();
  }

  /** The record's content now, to check signatures against. */
  public Content current(ReviewSession session) {
    return new Content(bytes(content(session, new SessionReading(session))), crypto.hash());
  }

  /** The canonical bytes of the record's content, and its hash by the profile's algorithm. */
  public record Content(byte[] bytes, HashAlgorithm algorithm) {

    public String hash() {
      return algorithm.named(bytes);
    }

    /** Whether a signature's hash, by the algorithm it names, is this content's. */
    public boolean signedBy(String signedHash) {
      return HashAlgorithm.matches(signedHash, bytes);
    }
  }

  private RecordForm content(ReviewSession session, SessionReading reading) {
    Optional<RecordFormVersions.Version> frozen = forms.frozen(session.id());
    Catalogue current = forms.catalogue(frozen);
    Map<String, Attestation> attested = attestations.all(reading).current();
    Map<String, Answer> facts = recordFacts.compute(reading);
    List<Section> sections = current.sections().stream().map(section -> new Section(section.title(),
        section.groups().stream().map(group -> {
          List<Item> items = new ArrayList<>();
          for (RecordCatalogue.Item item : group.items()) {
            Answer answer = item.notApplicable() != null ? Answer.of("不适用", "按调整版记录表：" + item.notApplicable())
                : item.attestation() != null ? attested(attested.get(item.attestation()))
                    .and(facts.get(RecordContribution.BESIDE + item.attestation()))
                : facts.getOrDefault(item.fact(), Answer.notReached("未知的事实：" + item.fact()))
                    .and(facts.get(RecordContribution.BESIDE + item.fact()));
            items.add(Item.of(items.size() + 1, item.text(), answer, item.attestation() != null));
          }
          return new Group(group.title(), items);
        }).toList())).toList();
    String title = current.title().replace("{year}", String.valueOf(session.reviewYear()))
        .replace("{committee}", session.committeeName());
    List<String> adjustments = frozen.map(forms::differences).orElse(List.of());
    return new RecordForm(title, current.version(), adjustments, session, counts.basics(reading), sections,
        notes.describe(reading), pledges(session.id(), draws.drawn(reading)), List.of(), null, List.of(), null, null);
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
    return new Answer(value, a.attestedBy() + " 于 " + MINUTES.format(a.attestedAt()) + " 填报",
        a.attestedBy());
  }

  private Pledges pledges(long sessionId, List<DrawnExpert> drawn) {
    boolean linked = contacts.used(sessionId);
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
        linked ? (int) theirs.stream().filter(PledgeRepository.ExpertPledge::online).count() : 0,
        linked ? theirs.stream().map(p -> p.expertCode() + "：" + p.describe()).toList() : List.of());
  }

  private byte[] bytes(RecordForm content) {
    try {
      return canonical.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
