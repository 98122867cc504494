package cn.gx.titlereview.record;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.record.RecordForm.Basics;
import cn.gx.titlereview.record.RecordService.Counts;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The record's 评审基本情况, and the counts behind it that the oversight read model keeps. */
@Component
class RecordCounts {

  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final RecheckRepository rechecks;
  private final RecheckService recheckService;

  RecordCounts(ApplicantRepository applicants, ReviewRepository reviews, RecheckRepository rechecks,
      RecheckService recheckService) {
    this.applicants = applicants;
    this.reviews = reviews;
    this.rechecks = rechecks;
    this.recheckService = recheckService;
  }

  /** 评审基本情况: applicants, passed (after revoked passes), the pass rates, and recheck problems. */
  Basics basics(SessionReading reading) {
    Counts c = counts(reading);
    if (c.passed() == null) {
      return new Basics(c.applicants(), null, null, null, null, null);
    }
    return new Basics(c.applicants(), c.passed(), Answer.rate(c.passed(), c.applicants()),
        Answer.rate(c.passedPublic(), c.applicantsPublic()), Answer.rate(c.passedEnterprise(), c.applicantsEnterprise()),
        c.recheckProblems());
  }

  Counts counts(SessionReading reading) {
    List<Applicant> all = applicants.list(reading);
    List<Applicant> publicSector = ofType(all, Applicant.PUBLIC_INSTITUTION);
    List<Applicant> enterprises = ofType(all, Applicant.ENTERPRISE_AND_OTHER);
    if (reviews.votes(reading).isEmpty()) {
      return new Counts(all.size(), null, publicSector.size(), null, enterprises.size(), null, null);
    }
    List<RecheckFinding> findings = rechecks.findings(reading);
    Set<Long> passed = recheckService.finallyPassed(reading).stream().map(Applicant::id).collect(Collectors.toSet());
    return new Counts(all.size(), passed.size(), publicSector.size(), passedAmong(publicSector, passed),
        enterprises.size(), passedAmong(enterprises, passed),
        findings.isEmpty() ? null : findings.stream().filter(RecheckFinding::problem)
            .map(RecheckFinding::applicantId).distinct().count());
  }

  private static List<Applicant> ofType(List<Applicant> all, String employerType) {
    return all.stream().filter(a -> employerType.equals(a.employerType())).toList();
  }

  private static int passedAmong(List<Applicant> applicants, Set<Long> passed) {
    return (int) applicants.stream().filter(a -> passed.contains(a.id())).count();
  }
}
