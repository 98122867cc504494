package cn.gx.titlereview.review;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.PanelQuota;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository.Assignment;
import cn.gx.titlereview.review.ReviewRepository.ReviewGroup;
import cn.gx.titlereview.review.ReviewRepository.VoteCount;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Review groups (评议组), readers (审阅专家) and the collective vote's counts. */
@Service
public class ReviewService {

  /** At least two experts read each applicant's materials (附件1 评委培训及评审情况 3). */

  static final Column NO = required("applicantNo", "申报编号", "applicant.applicant_no");
  static final Column PRESENT = required("votersPresent", "出席人数");
  static final Column YES = required("yes", "赞成");
  static final Column AGAINST = required("no", "反对");
  static final Column ABSTAIN = required("abstain", "弃权");
  public static final List<Column> VOTE_COLUMNS = List.of(NO, PRESENT, YES, AGAINST, ABSTAIN);

  public record GroupPlan(String name, List<String> members) {
  }

  public record AssignmentPlan(String applicantNo, String group, List<String> readers) {
  }

  public record ReviewPlan(List<GroupPlan> groups, List<AssignmentPlan> assignments) {

    /** The same plan with other readers for one applicant, as staff adjust it. */
    public ReviewPlan withReaders(String applicantNo, List<String> readers) {
      return new ReviewPlan(groups, assignments.stream().map(a -> a.applicantNo().equals(applicantNo)
          ? new AssignmentPlan(a.applicantNo(), a.group(), readers) : a).toList());
    }
  }

  private final ReviewRepository reviews;
  private final ApplicantRepository applicants;
  private final ExpertDrawService drawService;
  private final VoteCheck voteCheck;
  private final GateResultRepository gateResults;
  private final ReaderRule readerRule;
  private final TableReader reader;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public ReviewService(ReviewRepository reviews, ApplicantRepository applicants, ExpertDrawService drawService,
      VoteCheck voteCheck, GateResultRepository gateResults, ReaderRule readerRule, TableReader reader, Clock clock,
      ApplicationEventPublisher events) {
    this.reviews = reviews;
    this.applicants = applicants;
    this.drawService = drawService;
    this.voteCheck = voteCheck;
    this.gateResults = gateResults;
    this.readerRule = readerRule;
    this.reader = reader;
    this.clock = clock;
    this.events = events;
  }

  /**
   * One group per specialty of the attending experts; each eligible applicant goes to the group of its specialty
   * and gets the two least-loaded readers there whom {@link ReaderRule} allows.
   */
  public ReviewPlan proposePlan(ReviewSession session) {
    Map<String, List<DrawnExpert>> groups = drawService.drawn(session.id()).stream()
        .filter(DrawnExpert::attending)
        .collect(Collectors.groupingBy(DrawnExpert::specialty, TreeMap::new, Collectors.toList()));
    Map<String, Integer> load = new HashMap<>();
    ReaderRule.Facts rule = readerRule.facts(session);
    List<AssignmentPlan> assignments = new ArrayList<>();
    for (Applicant a : applicants.list(session.id())) {
      List<DrawnExpert> group = groups.get(a.specialty());
      if (!a.eligible() || group == null) {
        continue;
      }
      Set<Long> members = group.stream().map(DrawnExpert::expertId).collect(Collectors.toSet());
      List<String> readers = group.stream()
          .filter(e -> rule.refusal(a, e.expertId(), a.specialty(), members).isEmpty())
          .sorted(Comparator.comparingInt((DrawnExpert e) -> load.getOrDefault(e.expertCode(), 0))
              .thenComparing(DrawnExpert::expertCode))
          .limit(PanelQuota.READERS_PER_APPLICANT)
          .map(DrawnExpert::expertCode)
          .toList();
      readers.forEach(r -> load.merge(r, 1, Integer::sum));
      assignments.add(new AssignmentPlan(a.applicantNo(), a.specialty(), readers));
    }
    List<GroupPlan> groupPlans = groups.entrySet().stream()
        .map(e -> new GroupPlan(e.getKey(), e.getValue().stream().map(DrawnExpert::expertCode).toList()))
        .toList();
    return new ReviewPlan(groupPlans, assignments);
  }

  /** Stores a plan (proposed or adjusted by staff), after checking every code in it; all or nothing. */
  @Transactional
  public void applyPlan(ReviewSession session, ReviewPlan plan) {
    Map<String, Long> attending = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .collect(Collectors.toMap(DrawnExpert::expertCode, DrawnExpert::expertId));
    Map<String, Applicant> byNo = applicants.list(session.id()).stream()
        .collect(Collectors.toMap(Applicant::applicantNo, Function.identity()));
    List<String> problems = new ArrayList<>();
    ReaderRule.Facts rule = readerRule.facts(session);
    Map<String, Set<Long>> groups = new LinkedHashMap<>();
    for (int i = 0; i < nullSafe(plan.groups()).size(); i++) {
      GroupPlan g = plan.groups().get(i);
      String where = "groups 第 " + (i + 1) + " 组";
      if (g.name() == null || g.name().isBlank()) {
        problems.add(where + "「name」：评议组名称不能为空");
        continue;
      }
      if (groups.containsKey(g.name())) {
        problems.add(where + "「name」：评议组“" + g.name() + "”重复");
      }
      Set<Long> members = new LinkedHashSet<>();
      for (String code : nullSafe(g.members())) {
        Long id = attending.get(code);
        if (id == null) {
          problems.add(where + "「members」：" + code + " 不是本评审会确认出席的评委");
        } else {
          members.add(id);
        }
      }
      groups.put(g.name(), members);
    }
    List<Assignment> assignments = new ArrayList<>();
    Set<String> assigned = new HashSet<>();
    for (int i = 0; i < nullSafe(plan.assignments()).size(); i++) {
      AssignmentPlan a = plan.assignments().get(i);
      String where = "assignments 第 " + (i + 1) + " 条";
      Applicant applicant = byNo.get(a.applicantNo());
      if (applicant == null) {
        problems.add(where + "「applicantNo」：" + a.applicantNo() + " 不是本评审会的申报人");
        continue;
      }
      if (!applicant.eligible()) {
        problems.add(where + "「applicantNo」：" + a.applicantNo() + " 未通过资格审查，不得进入评审");
      }
      if (!assigned.add(a.applicantNo())) {
        problems.add(where + "「applicantNo」：" + a.applicantNo() + " 重复分配");
      }
      if (!groups.containsKey(a.group())) {
        problems.add(where + "「group」：评议组“" + a.group() + "”不存在");
        continue;
      }
      Set<Long> readers = new LinkedHashSet<>();
      for (String code : nullSafe(a.readers())) {
        Long id = attending.get(code);
        Optional<String> refusal = id == null
            ? Optional.of("专家 " + code + " 不是评议组“" + a.group() + "”确认出席的成员，不能审阅申报人 " + a.applicantNo()
                + " 的材料")
            : rule.refusal(applicant, id, a.group(), groups.get(a.group()));
        refusal.ifPresentOrElse(r -> problems.add(where + "「readers」：" + r), () -> readers.add(id));
      }
      assignments.add(new Assignment(applicant.id(), a.group(), readers));
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    reviews.replaceGroups(session.id(),
        groups.entrySet().stream().map(e -> new ReviewGroup(e.getKey(), e.getValue())).toList(), assignments);
    events.publishEvent(new ReviewGroupsFormed(session.id(),
        groups.values().stream().flatMap(Set::stream).collect(Collectors.toSet())));
  }

  /**
   * Replaces the session's vote counts from one file, all or nothing; counts only, never individual votes. The quorum
   * of the committee must be marked present at the review, and every row passes {@link VoteCheck}'s checks.
   */
  @Transactional
  public int importVotes(ReviewSession session, ImportFile file, String user) {
    if (votesClosed(session)) {
      throw BusinessException.conflict("评审会 " + session.code() + " 的表决已结束：票数只能通过更正申请修改，经监督员批准后生效");
    }
    VoteCheck.Ballot ballot = voteCheck.ballot(session);
    if (!ballot.quorate()) {
      throw BusinessException.conflict("登记出席评审的评委 " + ballot.attended() + " 人，不足评委会 " + ballot.committee()
          + " 人的 " + ballot.rule().quorumText() + "，不能表决（请先在“评审出席”中登记每位评委是否出席）");
    }
    Map<String, Applicant> byNo = applicants.list(session.id()).stream()
        .collect(Collectors.toMap(Applicant::applicantNo, Function.identity()));
    List<VoteCount> votes = reader.read(file, VOTE_COLUMNS, NO, row -> {
      String no = row.text(NO);
      Applicant applicant = no == null ? null : byNo.get(no);
      if (no != null && applicant == null) {
        row.problem(NO, no + " 不是本评审会的申报人");
      } else if (applicant != null && !applicant.eligible()) {
        row.problem(NO, no + " 未通过资格审查，不得表决");
      }
      Integer present = row.integer(PRESENT);
      Integer yes = row.integer(YES);
      Integer against = row.integer(AGAINST);
      Integer abstain = row.integer(ABSTAIN);
      if (present == null || yes == null || against == null || abstain == null) {
        return null;
      }
      long applicantId = applicant == null ? -1 : applicant.id();
      ballot.problems(applicantId, present, yes, against, abstain).forEach(row::problem);
      return applicant == null ? null
          : new VoteCount(applicant.id(), present, yes, against, abstain, ballot.passes(applicantId, present, yes));
    });
    reviews.replaceVotes(session.id(), votes, user, clock.instant());
    return votes.size();
  }

  /** The vote is closed once the review gate has passed: after that, counts change only by amendment. */
  public boolean votesClosed(ReviewSession session) {
    GateResult review = gateResults.latest(session.id()).get("review");
    return review != null && review.passed();
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
