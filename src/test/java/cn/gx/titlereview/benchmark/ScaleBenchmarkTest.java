package cn.gx.titlereview.benchmark;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.archive.ArchiveGate;
import cn.gx.titlereview.demo.DemoData;
import cn.gx.titlereview.library.AttendanceHistory;
import cn.gx.titlereview.draw.DrawGate;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.Expert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.RosterGate;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantImportService;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.preparation.EligibilityGate;
import cn.gx.titlereview.publicity.PublicityGate;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.recheck.RecheckGate;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.record.RecordGate;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.record.SignatureGate;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.ReaderRule;
import cn.gx.titlereview.review.ReviewGate;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.review.VoteCheck;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.Xlsx;
import cn.gx.titlereview.training.PledgeGate;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The foundation's scale figures (a session of 2,000 applicants, a roster of 100,000 experts), measured on the
 * services and gates. Not part of `mvn verify`: run with `mvn verify -Pbenchmark`. Prints one line per step.
 */
@IntegrationTest
@Tag("benchmark")
class ScaleBenchmarkTest {

  static final int APPLICANTS = 2_000;
  static final int ROSTER = 100_000;

  @Autowired TestData data;
  @Autowired ApplicantImportService applicantImport;
  @Autowired ApplicantRepository applicants;
  @Autowired RosterImportService rosterImport;
  @Autowired RosterRepository rosterRepository;
  @Autowired AttendanceHistory history;
  @Autowired ExpertDrawService drawService;
  @Autowired ReviewService reviewService;
  @Autowired AttendanceService attendance;
  @Autowired RecheckService recheckService;
  @Autowired AttestationRepository attestations;
  @Autowired EligibilityGate eligibilityGate;
  @Autowired RosterGate rosterGate;
  @Autowired ReviewGate reviewGate;
  @Autowired RecheckGate recheckGate;
  @Autowired TableReader tableReader;
  @Autowired VoteCheck voteCheck;
  @Autowired ReaderRule readerRule;
  @Autowired ReviewTimes reviewTimes;
  @Autowired RecordService records;
  @Autowired ReviewRepository reviews;
  @Autowired SignatureGate signatureGate;
  @Autowired DrawGate drawGate;
  @Autowired PledgeGate pledgeGate;
  @Autowired PublicityGate publicityGate;
  @Autowired ArchiveGate archiveGate;
  @Autowired RecordGate recordGate;
  @Autowired PublicityRepository publicity;
  @Autowired TransactionTemplate transactions;
  @Autowired RecheckRepository rechecks;
  @Autowired GateResultRepository gateResults;

  private final Map<String, Long> millis = new LinkedHashMap<>();

  @Test
  void aSessionOfTwoThousandApplicantsAndAHundredThousandExperts() {
    ReviewSession session = data.session("正高");
    List<Map<String, Object>> people = DemoData.applicants("正高", "工程", APPLICANTS, 1);
    time("import 2,000 applicants (JSON)", () -> applicantImport.replace(session, data.json(people), "staff1"));
    time("eligibility gate, 2,000 applicants", () -> eligibilityGate.check(context(session)));

    List<Map<String, Object>> roster = DemoData.roster(ROSTER, 2);
    ImportFile rosterJson = data.json(roster);
    time("import 100,000 experts (JSON)", () -> rosterImport.replace(session, rosterJson, "staff1"));
    List<Expert> experts = time("  part: read and check the 100,000 rows (JSON)", () -> tableReader.read(rosterJson,
        RosterImportService.COLUMNS, RosterImportService::expert));
    ReviewSession writeOnly = data.session("正高");
    time("  part: write the 100,000 rows (one transaction)", () -> transactions.execute(status -> {
      rosterRepository.replaceAll(writeOnly.id(), experts);
      return null;
    }));
    ReviewSession xlsxSession = data.session("正高");
    List<List<Object>> rows = new ArrayList<>();
    roster.forEach(r -> rows.add(new ArrayList<>(r.values())));
    var xlsx = Xlsx.of(List.of("专家编号", "姓名", "工作单位", "专业", "职称", "电话", "状态"), rows.toArray(List[]::new));
    time("import 100,000 experts (.xlsx, " + xlsx.content().length / 1024 + " KiB)",
        () -> rosterImport.replace(xlsxSession, xlsx, "staff1"));

    attestations.append(session.id(), "officialRosterTotal", String.valueOf(ROSTER), "supervisor1", Instant.now(), null);
    attestations.append(session.id(), "supervisorPresentAtDraw", "yes", "supervisor1", Instant.now(), null);
    Object[] panel = {"panelSize", 25, "reserveCount", 10, "minPerGroup", 3};
    assertThat(time("roster gate, 100,000 experts", () -> rosterGate.check(context(session, panel)))).isEmpty();
    time("  scan: read the active roster in code order", () -> {
      long[] n = {0};
      rosterRepository.forEachActiveByCode(session.id(), (id, code, specialty) -> n[0]++);
      return n[0];
    });
    time("  scan: consecutive attendees", () -> history.consecutiveAttendees(session.committeeId(), session.reviewYear()));
    time("  scan: needed specialties", () -> drawService.neededSpecialties(session.id()));
    time("commit the draw (pool hash over 100,000)", () -> drawService.commit(session));
    warm("commit the draw (pool hash over 100,000)", () -> rolledBack(() -> drawService.commit(session)));
    drawService.confirmCommitment(session, "秉公抽取", "supervisor1");
    time("draw 25 + 10 reserves from 100,000", () -> rolledBack(() -> drawService.draw(session, 25, 10, 3)));
    warm("draw 25 + 10 reserves from 100,000", () -> rolledBack(() -> drawService.draw(session, 25, 10, 3)));
    drawService.draw(session, 25, 10, 3);

    List<Map<String, Object>> accept = drawService.drawn(session.id()).stream()
        .filter(d -> DrawnExpert.MEMBER.equals(d.role())).map(d -> row("expertCode", d.expertCode(), "accepted", true))
        .toList();
    drawService.recordResponses(session, data.json(accept), "staff1");
    time("groups and readers for 2,000 applicants",
        () -> { reviewService.applyPlan(session, reviewService.proposePlan(session)); return null; });
    attendance.record(session, AttendanceService.REVIEW, data.json(accept.stream()
        .map(r -> row("expertCode", r.get("expertCode"), "present", true)).toList()), "staff3");
    List<Map<String, Object>> votes = applicants.list(session.id()).stream().filter(Applicant::eligible)
        .map(a -> row("applicantNo", a.applicantNo(), "votersPresent", 25, "yes", 20, "no", 4, "abstain", 1)).toList();
    time("import 1,800 vote counts", () -> reviewService.importVotes(session, data.json(votes), "staff3"));
    time("review gate, 2,000 applicants", () -> reviewGate.check(context(session)));
    warm("review gate, 2,000 applicants", () -> reviewGate.check(context(session)));
    warm("  part: vote rule (DMN) and attendance", () -> voteCheck.ballot(session));
    warm("  part: reader rule facts", () -> readerRule.facts(session));
    Map<String, Long> perGroup = ReviewTimes.applicantsPerGroup(applicants.list(session.id()),
        reviews.assignments(session.id()));
    warm("  part: review times", () -> reviewTimes.violations(session, perGroup));
    warm("  part: groups, assignments, votes", () -> List.of(reviews.groups(session.id()),
        reviews.assignments(session.id()), reviews.votes(session.id())));
    warm("  part: applicants", () -> applicants.list(session.id()));
    warm("  part: attestations", () -> attestations.current(session.id()));
    warm("  part: drawn experts", () -> drawService.drawn(session.id()));
    warm("record hash (what signatures and the signatures gate compute)", () -> records.hash(session));
    List<Map<String, Object>> findings = recheckService.passedApplicants(session.id()).stream()
        .map(a -> row("applicantNo", a.applicantNo(), "problem", false)).toList();
    time("recheck findings, round 1", () -> recheckService.record(session, 1, data.json(findings), "staff1"));
    time("recheck findings, round 2", () -> recheckService.record(session, 2, data.json(findings), "staff4"));
    time("recheck gate, 1,800 passed", () -> recheckGate.check(context(session)));
    warm("recheck gate, 1,800 passed", () -> recheckGate.check(context(session)));
    warm("eligibility gate, 2,000 applicants", () -> eligibilityGate.check(context(session)));
    warm("roster gate, 100,000 experts", () -> rosterGate.check(context(session, panel)));
    warm("draw gate, 2,000 applicants", () -> drawGate.check(context(session)));
    warm("pledges gate, 2,000 applicants", () -> pledgeGate.check(context(session)));
    LocalDate opens = LocalDate.now(PlatformConfig.ZONE).plusDays(1);
    publicity.saveRound(session.id(), new PublicityRound(1, opens, opens.plusDays(9), "单位网站", "staff1"),
        Instant.now());
    for (int i = 0; i < 20; i++) {
      publicity.addComplaint(session.id(), 1, "来信", applicants.list(session.id()).get(i).applicantNo(), "反映材料问题",
          "staff1", Instant.now());
    }
    warm("publicity gate, 2,000 applicants, 20 complaints",
        () -> publicityGate.check(context(session, "publicityRound", 1)));
    warm("archive gate, 2,000 applicants", () -> archiveGate.check(context(session)));
    warm("record gate, 2,000 applicants", () -> recordGate.check(context(session)));
    warm("record hash, after the rechecks", () -> records.hash(session));
    warm("record (附件1) with its signatures, after the rechecks", () -> records.form(session));
    warm("a supervision row's record figures (glance)",
        () -> records.glance(session, Set.of("recheck.problemRatio", "publicity.complaints")));
    warm("signatures gate, 2,000 applicants", () -> signatureGate.check(context(session)));
    warm("  signatures part: applicants", () -> applicants.list(session.id()));
    warm("  signatures part: votes", () -> reviews.votes(session.id()));
    warm("  signatures part: recheck findings", () -> rechecks.findings(session.id()));
    warm("  signatures part: gate history", () -> gateResults.history(session.id()));
    warm("  signatures part: review times (in the notes)", () -> reviewTimes.assess(session));
    warm("  signatures part: assignments", () -> reviews.assignments(session.id()));

    System.out.println("\n== Scale benchmark, " + getClass().getSimpleName() + " ("
        + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version") + ") ==");
    millis.forEach((step, ms) -> System.out.printf("%-50s %7d ms%n", step, ms));
  }

  /**
   * A gate runs many times on a server: {@code scale.warmUpRuns} unmeasured runs (default 20) let the JIT compile
   * it, then the median of {@code scale.warmRuns} (default 5).
   */
  private void warm(String step, Supplier<?> work) {
    for (int i = 0; i < Integer.getInteger("scale.warmUpRuns", 20); i++) {
      work.get();
    }
    long[] runs = new long[Integer.getInteger("scale.warmRuns", 5)];
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      work.get();
      runs[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(runs);
    millis.put(step + " (warm, median of " + runs.length + ")", runs[runs.length / 2]);
  }

  /** Work that may run once per session (a draw), repeated for a warm figure and undone each time. */
  private <T> T rolledBack(Supplier<T> work) {
    return transactions.execute(status -> {
      status.setRollbackOnly();
      return work.get();
    });
  }

  private <T> T time(String step, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    millis.put(step, (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
