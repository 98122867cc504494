package cn.gx.titlereview.review;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.session.ReviewSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 是否有2名以上专家审阅同一申报者材料, and who may be one of them (附件2 七、评审专家若与评审对象存在亲属或其他影响公正评审的
 * 利害关系，应主动回避): a reader is a member of the applicant's review group who was not marked absent at the review,
 * does not work for the applicant's employer, and is not recused for the applicant. Checked when the plan is stored
 * (naming applicant and expert) and again by the review gate, since attendance and recusals may be recorded later.
 */
@Component
public class ReaderRule {

  static final String RULE = "审阅专家";

  private final ExpertDrawService drawService;
  private final AttendanceService attendance;
  private final RecusalRepository recusals;

  public ReaderRule(ExpertDrawService drawService, AttendanceService attendance, RecusalRepository recusals) {
    this.drawService = drawService;
    this.attendance = attendance;
    this.recusals = recusals;
  }

  /** What the rule needs of a session, read once; the experts in the order they were drawn. */
  public record Facts(Map<Long, DrawnExpert> experts, Map<Long, Boolean> presentAtReview,
      Map<Long, Set<Long>> recused) {

    /** Why this expert may not read this applicant's materials in this group; empty when they may. */
    public Optional<String> refusal(Applicant applicant, long expertId, String groupName, Set<Long> groupMembers) {
      DrawnExpert expert = experts.get(expertId);
      if (expert == null || !expert.attending() || !groupMembers.contains(expertId)) {
        return Optional.of(who(expert, expertId) + " 不是评议组“" + groupName + "”确认出席的成员，不能审阅" + whom(applicant)
            + " 的材料");
      }
      if (Boolean.FALSE.equals(presentAtReview.get(expertId))) {
        return Optional.of(who(expert, expertId) + " 登记为未出席评审，不能审阅" + whom(applicant) + " 的材料");
      }
      if (expert.employer() != null && expert.employer().trim().equals(applicant.employer().trim())) {
        return Optional.of(who(expert, expertId) + " 与" + whom(applicant) + " 同属“" + applicant.employer()
            + "”，须回避，不能审阅其材料");
      }
      if (recused.getOrDefault(applicant.id(), Set.of()).contains(expertId)) {
        return Optional.of(who(expert, expertId) + " 已登记须回避" + whom(applicant) + "，不能审阅其材料");
      }
      return Optional.empty();
    }

    // Named only in a refusal: the review gate asks about thousands of readers that may read.
    private static String who(DrawnExpert expert, long expertId) {
      return "专家 " + (expert == null ? String.valueOf(expertId) : expert.expertCode());
    }

    private static String whom(Applicant applicant) {
      return "申报人 " + applicant.applicantNo();
    }
  }

  public Facts facts(ReviewSession session) {
    return new Facts(drawService.drawn(session.id()).stream()
        .collect(Collectors.toMap(DrawnExpert::expertId, Function.identity(), (a, b) -> a, LinkedHashMap::new)),
        attendance.attendance(session.id(), AttendanceService.REVIEW), recusals.byApplicant(session.id()));
  }
}
