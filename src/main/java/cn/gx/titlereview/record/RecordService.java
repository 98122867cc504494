package cn.gx.titlereview.record;

import cn.gx.titlereview.archive.ArchiveRepository;
import cn.gx.titlereview.platform.attestation.AttestationRepository;
import cn.gx.titlereview.platform.gate.GateResult;
import cn.gx.titlereview.platform.gate.GateResultRepository;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The facts of the record form (附件1) as they stand, computed from our tables and the gate results. Its SHA-256
 * is what a signature binds: if any fact changes after signing, the signature no longer matches.
 */
@Service
public class RecordService {

  /** Attested by the approving unit after the record was signed and submitted: not part of what was signed. */
  static final Set<String> AFTER_SUBMISSION = Set.of("resultsConfirmed");

  private final SessionRepository sessions;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final RecheckRepository rechecks;
  private final PublicityRepository publicity;
  private final ArchiveRepository archive;
  private final AttestationRepository attestations;
  private final GateResultRepository gateResults;
  private final ObjectMapper canonical;

  public RecordService(SessionRepository sessions, ApplicantRepository applicants, ReviewRepository reviews,
      RecheckRepository rechecks, PublicityRepository publicity, ArchiveRepository archive,
      AttestationRepository attestations, GateResultRepository gateResults, ObjectMapper json) {
    this.sessions = sessions;
    this.applicants = applicants;
    this.reviews = reviews;
    this.rechecks = rechecks;
    this.publicity = publicity;
    this.archive = archive;
    this.attestations = attestations;
    this.gateResults = gateResults;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  public Map<String, Object> facts(ReviewSession session) {
    long id = session.id();
    Map<String, Object> facts = new TreeMap<>();
    facts.put("session", session);
    facts.put("basics", basics(id));
    facts.put("gates", gateResults.latest(id).values().stream()
        .collect(Collectors.toMap(GateResult::gateKey, g -> Map.of("passed", g.passed(),
            "ruleVersion", g.ruleVersion(), "checkedAt", g.checkedAt().toString(),
            "violations", g.violations().size()))));
    Map<String, Object> attested = new TreeMap<>(attestations.current(id));
    attested.keySet().removeAll(AFTER_SUBMISSION);
    facts.put("attestations", attested);
    facts.put("complaints", Map.of("received", publicity.complaints(id).size(),
        "verified", publicity.complaints(id).stream().filter(PublicityRepository.Complaint::verified).count()));
    facts.put("archive", archive.files(id).stream().map(f -> f.item() + ":" + f.sha256()).sorted().toList());
    facts.put("staff", sessions.staff(id));
    return facts;
  }

  /** 评审基本情况: applicants, passed, the pass rates overall and by employer type, recheck problems. */
  Map<String, Object> basics(long sessionId) {
    List<Applicant> all = applicants.list(sessionId);
    List<RecheckFinding> findings = rechecks.findings(sessionId);
    Set<Long> revoked = findings.stream().filter(f -> RecheckFinding.REVOKED.equals(f.disposition()))
        .map(RecheckFinding::applicantId).collect(Collectors.toSet());
    Set<Long> passed = reviews.votes(sessionId).values().stream().filter(ReviewRepository.VoteCount::passed)
        .map(ReviewRepository.VoteCount::applicantId).filter(a -> !revoked.contains(a)).collect(Collectors.toSet());
    Map<String, Object> basics = new LinkedHashMap<>();
    basics.put("applicants", all.size());
    basics.put("passed", passed.size());
    basics.put("passRate", rate(passed.size(), all.size()));
    for (String type : Applicant.EMPLOYER_TYPES) {
      List<Applicant> ofType = all.stream().filter(a -> type.equals(a.employerType())).toList();
      long passedOfType = ofType.stream().filter(a -> passed.contains(a.id())).count();
      basics.put("passRate:" + type, rate(passedOfType, ofType.size()));
    }
    basics.put("recheckProblems", findings.stream().filter(RecheckFinding::problem)
        .map(RecheckFinding::applicantId).distinct().count());
    return basics;
  }

  /** A percentage with one decimal, or null when there is nothing to divide by. */
  static String rate(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
  }

  public String sha256(ReviewSession session) {
    try {
      return ImportFile.sha256(canonical.writeValueAsString(facts(session)).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
