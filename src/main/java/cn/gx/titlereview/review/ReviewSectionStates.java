package cn.gx.titlereview.review;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The sealed review's sections: attendance, review groups, recusals, votes, review times and vote amendments, each
 * counted against what it should reach.
 */
@Component
class ReviewSectionStates implements SectionStates {

  private final AttendanceService attendance;
  private final ReviewRepository reviews;
  private final ApplicantRepository applicants;
  private final RecusalRepository recusals;
  private final RecusalDeclarations declarations;
  private final ReviewTimes reviewTimes;
  private final VoteAmendmentRepository amendments;

  ReviewSectionStates(AttendanceService attendance, ReviewRepository reviews, ApplicantRepository applicants,
      RecusalRepository recusals, RecusalDeclarations declarations, ReviewTimes reviewTimes,
      VoteAmendmentRepository amendments) {
    this.attendance = attendance;
    this.reviews = reviews;
    this.applicants = applicants;
    this.recusals = recusals;
    this.declarations = declarations;
    this.reviewTimes = reviewTimes;
    this.amendments = amendments;
  }

  @Override
  public Set<String> sections() {
    return Set.of("attendance", "review-groups", "recusals", "votes", "review-times", "vote-amendments");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    long id = session.id();
    return List.of(switch (section) {
      case "attendance" -> "评前培训登记出席 " + attendance.presentCount(id, AttendanceService.TRAINING)
          + " 人；评审与表决登记出席 " + attendance.presentCount(id, AttendanceService.REVIEW) + " 人";
      case "review-groups" -> reviewGroups(id);
      case "recusals" -> recusals(id);
      case "votes" -> votes(id);
      case "review-times" -> reviewTimes(session);
      case "vote-amendments" -> amendments(id);
      default -> throw new IllegalArgumentException(section);
    });
  }

  private String reviewGroups(long id) {
    int groups = reviews.groups(id).size();
    return groups == 0 ? "尚未组建评议组" : "评议组 " + groups + " 个；已分配审阅专家的申报人 "
        + reviews.assignments(id).size() + " / " + eligible(id) + " 人";
  }

  private String recusals(long id) {
    var declared = declarations.bySession(id).values();
    return "已登记回避 " + recusals.list(id).size() + " 条；回避申报：本人申报 "
        + declared.stream().filter(RecusalDeclarations.Declaration::byExpert).count() + " 人，工作人员说明 "
        + declared.stream().filter(d -> !d.byExpert()).count() + " 人";
  }

  private String votes(long id) {
    var votes = reviews.votes(id);
    return votes.isEmpty() ? "尚未登记表决结果" : "已登记表决结果 " + votes.size() + " / " + eligible(id) + " 人，通过 "
        + votes.values().stream().filter(ReviewRepository.VoteCount::passed).count() + " 人";
  }

  private String reviewTimes(ReviewSession session) {
    ReviewTimes.Assessment times = reviewTimes.assess(session);
    return "已登记评审时间的评议组 " + times.times().size() + " 个"
        + (times.missingGroups().isEmpty() ? "" : "；尚缺：" + String.join("、", times.missingGroups()));
  }

  private String amendments(long id) {
    List<VoteAmendment> all = amendments.list(id);
    long pending = all.stream().filter(m -> VoteAmendment.PROPOSED.equals(m.status())).count();
    return all.isEmpty() ? "没有表决结果更正申请" : "表决结果更正申请 " + all.size() + " 件"
        + (pending > 0 ? "，待监督员审批 " + pending + " 件" : "，均已审批");
  }

  private long eligible(long id) {
    return applicants.list(id).stream().filter(Applicant::eligible).count();
  }
}
