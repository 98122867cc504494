package cn.gx.titlereview.review;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The vote rule, in one place, for the import, the amendments, the review gate and the vote outcomes (人社部令第40号;
 * numbers from DMN {@code VoteRules}):
 * <blockquote>{@value #WORDING}</blockquote>
 * Counts only, never individual votes (secret ballot).
 */
@Component
public class VoteCheck {

  /** The rule as the docs and the messages word it. */
  public static final String WORDING = "出席评审的评委达到评委会人数的三分之二方可表决；可表决人数 = 出席人数 − 出席者中须回避该申报人的人数；"
      + "赞成票不少于可表决人数的三分之二为通过（按整数比较，恰好三分之二即通过）";

  private final VoteRules voteRules;
  private final DrawRepository draws;
  private final AttendanceService attendance;
  private final RecusalRepository recusals;

  public VoteCheck(VoteRules voteRules, DrawRepository draws, AttendanceService attendance,
      RecusalRepository recusals) {
    this.voteRules = voteRules;
    this.draws = draws;
    this.attendance = attendance;
    this.recusals = recusals;
  }

  /** The session's vote context, read once: the rule, the committee's size, who was present, who is recused. */
  public Ballot ballot(ReviewSession session) {
    int committee = draws.find(session.id()).map(DrawRepository.Draw::panelSize)
        .orElseThrow(() -> BusinessException.conflict("评审会 " + session.code() + " 尚未抽取专家，不能登记表决结果"));
    Set<Long> present = attendance.attendance(session.id(), AttendanceService.REVIEW).entrySet().stream()
        .filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    return new Ballot(voteRules.forLevel(session.level()), committee, present, recusals.byApplicant(session.id()));
  }

  /** One session's vote context. */
  public record Ballot(VoteRule rule, int committee, Set<Long> present, Map<Long, Set<Long>> recused) {

    /** Experts marked present at the review (评审出席). */
    public int attended() {
      return present.size();
    }

    public boolean quorate() {
      return rule.quorate(attended(), committee);
    }

    /** Of those present, the experts recused for the applicant: they neither read nor vote on them. */
    public int recusedPresent(long applicantId) {
      return (int) recused.getOrDefault(applicantId, Set.of()).stream().filter(present::contains).count();
    }

    /** 可表决人数: those present at the applicant's vote less the present experts recused for the applicant. */
    public int eligible(long applicantId, int votersPresent) {
      return Math.max(0, votersPresent - recusedPresent(applicantId));
    }

    /** The fewest yes votes that pass among {@code eligible} voters. */
    public int required(int eligible) {
      int yes = 0;
      while (yes <= eligible && !rule.passes(yes, eligible)) {
        yes++;
      }
      return yes;
    }

    public boolean passes(long applicantId, int votersPresent, int yes) {
      return rule.passes(yes, eligible(applicantId, votersPresent));
    }

    /** What is wrong with one applicant's counts, as the import, an amendment and the review gate say it. */
    public List<String> problems(long applicantId, int votersPresent, int yes, int no, int abstain) {
      List<String> problems = new ArrayList<>();
      if (votersPresent > attended()) {
        problems.add("「出席人数」：" + votersPresent + " 人超过登记出席的 " + attended() + " 人：缺席评委不得事后或委托投票");
      }
      if (!rule.quorate(votersPresent, committee)) {
        problems.add("「出席人数」：出席 " + votersPresent + " 人，不足评委会 " + committee + " 人的 " + rule.quorumText()
            + "，不能表决");
      }
      int eligible = eligible(applicantId, votersPresent);
      if (yes < 0 || no < 0 || abstain < 0) {
        problems.add("票数不能为负数");
      } else if (yes + no + abstain > eligible) {
        int recused = recusedPresent(applicantId);
        problems.add("赞成、反对、弃权合计 " + (yes + no + abstain) + " 票，超过可表决的 " + eligible + " 人（出席 "
            + votersPresent + " 人" + (recused > 0 ? "，其中须回避且出席的 " + recused + " 人不表决" : "") + "）");
      }
      return problems;
    }
  }
}
