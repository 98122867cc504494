package cn.gx.titlereview.support;

import static cn.gx.titlereview.support.TestData.row;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.preparation.ApplicantImportService;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.review.RecusalReasons;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sessions brought to a given stage through the real services, for the gate tests. */
@Component
public class SessionFixture {

  public static final List<String> SPECIALTIES = List.of("土木工程", "电气工程");

  private final TestData data;
  private final ApplicantImportService applicants;
  private final RosterImportService roster;
  private final ExpertDrawService drawService;
  private final ReviewService reviewService;
  private final AttendanceService attendance;
  private final AttestationRepository attestations;
  private final ReviewTimes reviewTimes;
  private final RecusalReasons recusalReasons;
  private final RecusalDeclarations declarations;

  SessionFixture(TestData data, ApplicantImportService applicants, RosterImportService roster,
      ExpertDrawService drawService, ReviewService reviewService, AttendanceService attendance,
      AttestationRepository attestations, ReviewTimes reviewTimes, RecusalReasons recusalReasons,
      RecusalDeclarations declarations) {
    this.data = data;
    this.applicants = applicants;
    this.roster = roster;
    this.drawService = drawService;
    this.reviewService = reviewService;
    this.attendance = attendance;
    this.attestations = attestations;
    this.reviewTimes = reviewTimes;
    this.recusalReasons = recusalReasons;
    this.declarations = declarations;
  }

  /**
   * Four eligible applicants SB01..SB04 (alternating specialties) and SB05, ineligible; a roster of 40 experts,
   * E01..E40, alternating specialties (even numbers 土木工程); E40 (土木工程) is suspended.
   */
  public ReviewSession sessionWithRoster() {
    return sessionWithRoster("测试评委会");
  }

  public ReviewSession sessionWithRoster(String committeeName) {
    return sessionWithRoster(committeeName, "正高");
  }

  public ReviewSession sessionWithRoster(String committeeName, String level) {
    ReviewSession session = sessionWithApplicants(committeeName, level, 2026);
    List<Map<String, Object>> experts = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      experts.add(row("expertCode", String.format("E%02d", i), "name", "专家" + i, "employer", "单位" + (i % 7),
          "specialty", SPECIALTIES.get(i % 2), "title", "正高级工程师", "phone", "13800000000",
          "status", i == 40 ? "暂停" : "在库"));
    }
    roster.replace(session, data.json(experts), "staff1");
    return session;
  }

  /**
   * A session of {@code year} with the applicants above and no roster of its own: one that draws from its
   * committee's library.
   */
  public ReviewSession sessionWithApplicants(String committeeName, String level, int year) {
    ReviewSession session = data.session(level, committeeName, year);
    List<Map<String, Object>> people = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      people.add(row("applicantNo", "SB0" + i, "name", "申报人" + i, "employer", "广西大学",
          "employerType", i % 2 == 0 ? "体制内事业单位" : "企业及其他", "level", level, "series", "工程",
          "specialty", SPECIALTIES.get(i % 2), "eligibility", i == 5 ? "不通过" : "通过",
          "eligibilityReason", i == 5 ? "年限不足" : null));
    }
    applicants.replace(session, data.json(people), "staff1");
    return session;
  }

  /** Drawn (11 members, 4 reserves, groups of at least 3), every member accepted, none yet marked present. */
  public ReviewSession sessionWithPanelWithoutAttendance() {
    ReviewSession session = sessionWithRoster();
    draw(session, 11, 4, 3);
    List<Map<String, Object>> rows = drawService.drawn(session.id()).stream()
        .filter(d -> DrawnExpert.MEMBER.equals(d.role()))
        .map(d -> row("expertCode", d.expertCode(), "accepted", true)).toList();
    drawService.recordResponses(session, data.json(rows), "staff1");
    return session;
  }

  /** As above, with every member present at the training and at the review. */
  public ReviewSession sessionWithPanel() {
    ReviewSession session = sessionWithPanelWithoutAttendance();
    List<Map<String, Object>> present = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .map(d -> row("expertCode", d.expertCode(), "present", true)).toList();
    attendance.record(session, AttendanceService.TRAINING, data.json(present), "staff1");
    attendance.record(session, AttendanceService.REVIEW, data.json(present), "staff1");
    return session;
  }

  /**
   * Groups formed by specialty with two readers each, every member's 回避申报 accounted for (staff recorded that each
   * declared none on paper), and votes recorded by staff3 (who may therefore not recheck): SB01..SB03 pass, SB04
   * fails.
   */
  public ReviewSession sessionWithVotes() {
    ReviewSession session = sessionWithPanel();
    reviewService.applyPlan(session, reviewService.proposePlan(session));
    declaredOnPaper(session);
    reviewService.importVotes(session, data.json(List.of(
        row("applicantNo", "SB01", "votersPresent", 11, "yes", 11, "no", 0, "abstain", 0),
        row("applicantNo", "SB02", "votersPresent", 11, "yes", 8, "no", 2, "abstain", 1),
        row("applicantNo", "SB03", "votersPresent", 9, "yes", 6, "no", 3, "abstain", 0),
        row("applicantNo", "SB04", "votersPresent", 11, "yes", 7, "no", 4, "abstain", 0))), "staff3");
    reviewTimes(session, "09:00", "12:00");
    return session;
  }

  /**
   * Staff record, for every attending member who has not declared through his link, that he declared on paper that he
   * need not recuse himself.
   */
  public void declaredOnPaper(ReviewSession session) {
    var declared = declarations.bySession(session.id()).keySet();
    recusalReasons.record(session, data.json(drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .filter(d -> !declared.contains(d.expertId()))
        .map(d -> row("expertCode", d.expertCode(), "note", "评审现场书面声明无须回避")).toList()), "staff1");
  }

  /** Every review group reviewed from {@code start} to {@code end} on the first planned day. */
  public void reviewTimes(ReviewSession session, String start, String end) {
    String day = session.plannedReviewStart().toString();
    reviewTimes.record(session, data.json(reviewTimes.groupNames(session).stream()
        .map(g -> row("groupName", g, "startedAt", day + "T" + start, "endedAt", day + "T" + end)).toList()), "staff3");
  }

  /** A draw as the process makes it: committed, confirmed by the supervisor with a phrase, then drawn. */
  public DrawRepository.Draw draw(ReviewSession session, int panelSize, int reserveCount, int minPerGroup) {
    drawService.commit(session);
    drawService.confirmCommitment(session, "秉公抽取", "supervisor1");
    return drawService.draw(session, panelSize, reserveCount, minPerGroup);
  }

  public void attest(ReviewSession session, String key, String value) {
    attestations.append(session.id(), key, value, "supervisor1", Instant.now(), null);
  }
}
