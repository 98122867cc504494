package cn.gx.titlereview.recheck;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.SessionReading;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dual recheck (双人复核) of every passed applicant, with separation of the two rechecking users. */
@Service
public class RecheckService {

  static final Column NO = required("applicantNo", "申报编号", "applicant.applicant_no");
  static final Column PROBLEM = required("problem", "是否存在问题");
  static final Column NOTE = optional("note", "问题说明", "recheck_finding.note");
  public static final List<Column> COLUMNS = List.of(NO, PROBLEM, NOTE);

  record Finding(Applicant applicant, boolean problem, String note) {
  }

  private final RecheckRepository rechecks;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final TableReader reader;
  private final RecheckDuties duties;
  private final Clock clock;

  public RecheckService(RecheckRepository rechecks, ApplicantRepository applicants, ReviewRepository reviews,
      TableReader reader, RecheckDuties duties, Clock clock) {
    this.rechecks = rechecks;
    this.applicants = applicants;
    this.reviews = reviews;
    this.reader = reader;
    this.duties = duties;
    this.clock = clock;
  }

  /** The applicants a recheck covers: those whose vote passed. */
  public List<Applicant> passedApplicants(long sessionId) {
    return passedAmong(applicants.list(sessionId), reviews.votes(sessionId));
  }

  /** The applicants a recheck covers, from the tables as {@code reading} read them. */
  public List<Applicant> passedApplicants(SessionReading reading) {
    return passedAmong(applicants.list(reading), reviews.votes(reading));
  }

  /** Those of {@code all} whose vote passed, in the order of {@code all}. */
  public static List<Applicant> passedAmong(List<Applicant> all, Map<Long, ReviewRepository.VoteCount> votes) {
    return all.stream().filter(a -> votes.containsKey(a.id()) && votes.get(a.id()).passed()).toList();
  }

  /** The applicants who passed in the end: a passed vote whose pass the recheck did not revoke. */
  public List<Applicant> finallyPassed(long sessionId) {
    return passedAsOf(sessionId, null);
  }

  /** The applicants who passed in the end, from the tables as {@code reading} read them. */
  public List<Applicant> finallyPassed(SessionReading reading) {
    return notRevoked(passedApplicants(reading), rechecks.revocations(reading), null);
  }

  /**
   * The applicants who had passed at a moment: a passed vote whose pass was not revoked before then (null: ever).
   * A publicity notice lists those of the moment its round opened, whatever was revoked later.
   */
  public List<Applicant> passedAsOf(long sessionId, Instant at) {
    return notRevoked(passedApplicants(sessionId), rechecks.revocations(sessionId), at);
  }

  /** Those of {@code passed} whose pass was not revoked before {@code at} (null: ever). */
  public static List<Applicant> notRevoked(List<Applicant> passed, Map<Long, Instant> revocations, Instant at) {
    Set<Long> revoked = revocations.entrySet().stream()
        .filter(e -> at == null || e.getValue().isBefore(at)).map(Map.Entry::getKey).collect(Collectors.toSet());
    return passed.stream().filter(a -> !revoked.contains(a.id())).toList();
  }

  @Transactional
  public int record(ReviewSession session, int round, ImportFile file, String user) {
    if (round != 1 && round != 2) {
      throw BusinessException.badRequest("复核轮次 round 应为 1（第一人）或 2（第二人）");
    }
    duties.refusal(session.id(), round, user).ifPresent(reason -> {
      throw BusinessException.conflict(reason);
    });
    Map<String, Applicant> passed = passedApplicants(session.id()).stream()
        .collect(Collectors.toMap(Applicant::applicantNo, Function.identity()));
    List<Finding> findings = reader.read(file, COLUMNS, NO, row -> {
      String no = row.text(NO);
      Boolean problem = row.bool(PROBLEM);
      String note = row.text(NOTE);
      Applicant applicant = no == null ? null : passed.get(no);
      if (no != null && applicant == null) {
        row.problem(NO, no + " 不是本评审会表决通过的申报人");
      }
      if (Boolean.TRUE.equals(problem) && note == null) {
        row.problem(NOTE, "存在问题时须说明问题");
      }
      return new Finding(applicant, Boolean.TRUE.equals(problem), note);
    });
    findings.forEach(f -> rechecks.upsert(session.id(), f.applicant().id(), round, f.problem(), f.note(), user,
        clock.instant()));
    return findings.size();
  }

  /** A problem is closed by revoking the pass or by confirming it after correction. */
  @Transactional
  public void dispose(ReviewSession session, String applicantNo, String decision, String note, String user) {
    if (!RecheckFinding.REVOKED.equals(decision) && !RecheckFinding.CONFIRMED.equals(decision)) {
      throw BusinessException.badRequest("处理结论 decision 应为 REVOKED（撤销通过）或 CONFIRMED（更正后确认）");
    }
    if (note == null || note.isBlank()) {
      throw BusinessException.badRequest("请填写处理说明 note");
    }
    Applicant applicant = applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals(applicantNo))
        .findFirst().orElseThrow(() -> BusinessException.notFound("申报人 " + applicantNo + " 不存在"));
    if (rechecks.dispose(applicant.id(), decision, note, user, clock.instant()) == 0) {
      throw BusinessException.conflict("申报人 " + applicantNo + " 没有待处理的复核问题");
    }
  }
}
