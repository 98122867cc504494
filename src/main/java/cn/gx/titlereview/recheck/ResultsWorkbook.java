package cn.gx.titlereview.recheck;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session's applicants with their results, and every recheck finding, as one workbook: 申报人员及评审结果 (资格审查,
 * 评议组, the vote counts, 表决结果, 复核, 最终结果) and 复核情况 (one row per finding, the recheckers by name).
 * Counts only: no individual vote exists to export.
 */
@RestController
class ResultsWorkbook {

  private final SessionAccess access;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final RecheckRepository rechecks;
  private final RecheckService recheckService;
  private final PersonNames names;

  ResultsWorkbook(SessionAccess access, ApplicantRepository applicants, ReviewRepository reviews,
      RecheckRepository rechecks, RecheckService recheckService, PersonNames names) {
    this.access = access;
    this.applicants = applicants;
    this.reviews = reviews;
    this.rechecks = rechecks;
    this.recheckService = recheckService;
    this.names = names;
  }

  @GetMapping("/sessions/{code}/results.xlsx")
  public ResponseEntity<byte[]> download(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, SessionController.READERS);
    return Downloads.xlsx(session.code() + "-评审结果", write(session));
  }

  public byte[] write(ReviewSession session) {
    List<Applicant> all = applicants.list(session.id());
    Map<Long, ReviewRepository.VoteCount> votes = reviews.votes(session.id());
    Map<Long, ReviewRepository.Assignment> groups = reviews.assignments(session.id());
    List<RecheckFinding> findings = rechecks.findings(session.id()).stream()
        .sorted(Comparator.comparingLong(RecheckFinding::applicantId).thenComparingInt(RecheckFinding::round)).toList();
    Map<Long, List<RecheckFinding>> byApplicant = findings.stream()
        .collect(Collectors.groupingBy(RecheckFinding::applicantId));
    Set<Long> passed = recheckService.finallyPassed(session.id()).stream().map(Applicant::id)
        .collect(Collectors.toSet());
    PersonNames.Book people = names.book(findings.stream().map(RecheckFinding::recordedBy).distinct().toList());

    List<List<Object>> results = new ArrayList<>();
    Map<Long, Applicant> byId = all.stream().collect(Collectors.toMap(Applicant::id, a -> a));
    for (Applicant a : all) {
      ReviewRepository.VoteCount v = votes.get(a.id());
      ReviewRepository.Assignment g = groups.get(a.id());
      List<RecheckFinding> own = byApplicant.getOrDefault(a.id(), List.of());
      List<Object> row = new ArrayList<>(List.of(a.applicantNo(), a.name(), a.employer(), a.employerType(),
          a.level(), a.series(), a.specialty(), a.eligibility() == null ? "" : a.eligibility(),
          a.eligibilityReason() == null ? "" : a.eligibilityReason(), g == null ? "" : g.groupName()));
      if (v == null) {
        row.addAll(List.of("", "", "", "", ""));
      } else {
        row.addAll(List.of(v.votersPresent(), v.yes(), v.no(), v.abstain(), v.passed() ? "通过" : "未通过"));
      }
      row.add(own.isEmpty() ? "" : own.stream().anyMatch(RecheckFinding::problem) ? "存在问题" : "无问题");
      row.add(own.stream().map(RecheckFinding::disposition).filter(d -> d != null).findFirst().map(ResultsWorkbook::disposition)
          .orElse(""));
      row.add(passed.contains(a.id()) ? "通过" : "未通过");
      results.add(row);
    }
    List<List<Object>> recheckRows = findings.stream().map(f -> {
      Applicant a = byId.get(f.applicantId());
      return List.<Object>of(a.applicantNo(), a.name(), f.round() == RecheckRepository.COMPLAINT_ROUND ? "信访核查"
          : "第" + f.round() + "人复核", f.problem() ? "是" : "否", f.note() == null ? "" : f.note(),
          people.label(f.recordedBy()), f.disposition() == null ? "" : disposition(f.disposition()));
    }).toList();
    return Workbooks.write(
        new Workbooks.Table("申报人员及评审结果", List.of("申报编号", "姓名", "工作单位", "单位性质", "申报级别", "申报系列",
            "申报专业", "资格审查结果", "不通过原因", "评议组", "出席人数", "赞成", "反对", "弃权", "表决结果", "复核情况",
            "复核问题处理", "最终结果"), new int[] {10, 8, 24, 12, 8, 8, 12, 10, 14, 12, 8, 6, 6, 6, 8, 8, 10, 8},
            results),
        new Workbooks.Table("复核情况", List.of("申报编号", "姓名", "复核", "是否存在问题", "问题说明", "复核人", "处理结论"),
            new int[] {10, 8, 10, 10, 30, 20, 12}, recheckRows));
  }

  private static String disposition(String d) {
    return RecheckFinding.REVOKED.equals(d) ? "撤销通过" : "更正后确认";
  }
}
