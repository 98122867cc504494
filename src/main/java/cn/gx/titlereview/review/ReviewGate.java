package cn.gx.titlereview.review;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.PanelQuota;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository.Assignment;
import cn.gx.titlereview.review.ReviewRepository.ReviewGroup;
import cn.gx.titlereview.review.ReviewRepository.VoteCount;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 封闭评审: each review group has at least 3 experts, each applicant is read by at least 2 of its group, every
 * eligible applicant has a vote result and no ineligible one entered review (监管方案 二（一）4), each group's review
 * time is recorded and, if short, justified (合理安排评审时间), every member of a review group declared whether he
 * must recuse himself, or staff recorded why not (回避申报, 附件2 七), and the supervisor attested the discipline of
 * 附件1 评审纪律情况.
 */
@Component
public class ReviewGate implements Gate {

  /** The discipline items of 附件1 and the answer each must have. */
  static final Map<String, DisciplineItem> DISCIPLINE = new LinkedHashMap<>();

  record DisciplineItem(String text, boolean required) {
  }

  static {
    DISCIPLINE.put("disciplineClosedManagement", new DisciplineItem("评审场所是否封闭管理", true));
    DISCIPLINE.put("disciplineUnifiedLodging", new DisciplineItem("是否统一安排食宿", true));
    DISCIPLINE.put("disciplineSupervisorPresent", new DisciplineItem("评审期间是否邀请纪检部门人员全程监督", true));
    DISCIPLINE.put("disciplinePledgesSigned", new DisciplineItem("是否签订遵守专家工作纪律守则", true));
    DISCIPLINE.put("disciplineBadgesWorn", new DisciplineItem("评委和工作人员是否佩戴挂牌进出评审现场", true));
    DISCIPLINE.put("disciplinePhonesKept", new DisciplineItem("评委和工作人员手机是否统一保管", true));
    DISCIPLINE.put("disciplineRecusalObserved", new DisciplineItem("遇到需要回避的情况，是否主动回避", true));
    DISCIPLINE.put("disciplineLobbyingFound", new DisciplineItem("是否发现评委有请托现象", false));
    DISCIPLINE.put("disciplineLeftVenue", new DisciplineItem("评审期间评委及工作人员是否有擅自离开评审场所情况", false));
    DISCIPLINE.put("disciplineOtherViolation", new DisciplineItem("其他方面是否有违反评审工作纪律的情形", false));
  }

  /** 附件1 评委培训及评审情况 4、5: what staff attest when they record the votes. */
  static final Map<String, String> DELIBERATION = Map.of(
      "plenaryDeliberationHeld", "是否组织全体评委集中审议",
      "keyMinutesKept", "是否做好关键环节，如领导集中讲话、全体评委集中审议会议记录");

  static final String KEY = "review";

  private final ReviewRepository reviews;
  private final ApplicantRepository applicants;
  private final DrawRepository draws;
  private final AttestationRepository attestations;
  private final VoteCheck voteCheck;
  private final ReaderRule readers;
  private final DisciplineIncidents incidents;
  private final ReviewTimes reviewTimes;
  private final RecusalDeclarations declarations;

  public ReviewGate(ReviewRepository reviews, ApplicantRepository applicants, DrawRepository draws,
      AttestationRepository attestations, VoteCheck voteCheck, ReaderRule readers, DisciplineIncidents incidents,
      ReviewTimes reviewTimes, RecusalDeclarations declarations) {
    this.reviews = reviews;
    this.applicants = applicants;
    this.draws = draws;
    this.attestations = attestations;
    this.voteCheck = voteCheck;
    this.readers = readers;
    this.incidents = incidents;
    this.reviewTimes = reviewTimes;
    this.declarations = declarations;
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String name() {
    return "合规检查：封闭评审";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 二（一）4、附件1、附件2 七；人社部令第40号 / v4";
  }

  @Override
  public List<Violation> check(GateContext context) {
    ReviewSession session = context.session();
    long sessionId = session.id();
    List<Violation> violations = new ArrayList<>();
    List<ReviewGroup> groups = reviews.groups(sessionId);
    checkGroups(session, groups, violations);
    Map<Long, Assignment> assignments = reviews.assignments(sessionId);
    ReaderRule.Facts readerRule = readers.facts(session);
    List<Applicant> all = applicants.list(sessionId);
    checkApplicants(session, all, groups, assignments, readerRule, violations);
    checkDeclarationsAndAttendance(sessionId, groups, readerRule, violations);
    if (!groups.isEmpty()) {
      violations.addAll(reviewTimes.violations(session, ReviewTimes.applicantsPerGroup(all, assignments)));
    }
    Map<String, Attestation> attested = attestations.current(sessionId);
    checkDiscipline(sessionId, attested, violations);
    checkDeliberation(session, attested, violations);
    return violations;
  }

  /** 组建评议组: at least one group, each with the panel's minimum of experts. */
  private void checkGroups(ReviewSession session, List<ReviewGroup> groups, List<Violation> violations) {
    int minGroup = PanelQuota.minGroupSize(draws.find(session.id()).map(DrawRepository.Draw::minPerGroup).orElse(0));
    if (groups.isEmpty()) {
      violations.add(new Violation("组建评议组", "评审会 " + session.code(), "尚未组建评议组"));
    }
    for (ReviewGroup g : groups) {
      if (g.memberIds().size() < minGroup) {
        violations.add(new Violation("每个评议组专家不少于" + minGroup + "人", "评议组“" + g.name() + "”",
            "仅有 " + g.memberIds().size() + " 名专家"));
      }
    }
  }

  /** Per applicant: eligible, in a group, read by two experts who may read him, voted on as the rule says. */
  private void checkApplicants(ReviewSession session, List<Applicant> all, List<ReviewGroup> groups,
      Map<Long, Assignment> assignments, ReaderRule.Facts readerRule, List<Violation> violations) {
    Map<String, ReviewGroup> groupByName = groups.stream()
        .collect(Collectors.toMap(ReviewGroup::name, Function.identity()));
    Map<Long, VoteCount> votes = reviews.votes(session.id());
    VoteCheck.Ballot ballot = voteCheck.ballot(session);
    for (Applicant a : all) {
      Assignment assignment = assignments.get(a.id());
      if (!a.eligible()) {
        if (assignment != null || votes.containsKey(a.id())) {
          violations.add(new Violation("资格审查", a.label(), "未通过资格审查，却进入了评审"));
        }
        continue;
      }
      if (assignment == null || assignment.groupName() == null) {
        violations.add(new Violation("分配评议组", a.label(), "未分配评议组"));
      } else {
        checkReaders(a, assignment, groupByName.get(assignment.groupName()), readerRule, violations);
      }
      VoteCount vote = votes.get(a.id());
      if (vote == null) {
        violations.add(new Violation("集体表决", a.label(), "没有表决结果"));
        continue;
      }
      // Attendance and recusals may have changed since the import: the counts are checked again, as imported.
      ballot.problems(a.id(), vote.votersPresent(), vote.yes(), vote.no(), vote.abstain())
          .forEach(p -> violations.add(new Violation("集体表决", a.label(), p)));
      if (vote.passed() != ballot.passes(a.id(), vote.votersPresent(), vote.yes())) {
        violations.add(new Violation("三分之二多数通过", a.label(), "记录的通过结论与票数（赞成 " + vote.yes()
            + " / 可表决 " + ballot.eligible(a.id(), vote.votersPresent()) + "）按 " + ballot.rule().passText()
            + " 规则不符"));
      }
    }
  }

  /** 2名以上专家审阅同一申报者材料: readers the reader rule allows, at least two. */
  private static void checkReaders(Applicant a, Assignment assignment, ReviewGroup group, ReaderRule.Facts readerRule,
      List<Violation> violations) {
    long allowed = 0;
    for (long reader : assignment.readerIds()) {
      Optional<String> refusal = readerRule.refusal(a, reader, group.name(), group.memberIds());
      refusal.ifPresent(r -> violations.add(new Violation(ReaderRule.RULE, a.label(), r)));
      allowed += refusal.isEmpty() ? 1 : 0;
    }
    if (allowed < PanelQuota.READERS_PER_APPLICANT) {
      violations.add(new Violation("2名以上专家审阅同一申报者材料", a.label(),
          "评议组“" + group.name() + "”中仅 " + allowed + " 名专家可以审阅"));
    }
  }

  /**
   * 附件2 七: every member of a review group says himself whether he must recuse (through his link), or staff record
   * why he did not; every expert who said he would attend has his attendance at the review recorded.
   */
  private void checkDeclarationsAndAttendance(long sessionId, List<ReviewGroup> groups, ReaderRule.Facts readerRule,
      List<Violation> violations) {
    Map<Long, RecusalDeclarations.Declaration> declared = declarations.bySession(sessionId);
    groups.stream().flatMap(g -> g.memberIds().stream()).distinct().map(readerRule.experts()::get)
        .filter(e -> e != null && !declared.containsKey(e.expertId()))
        .forEach(e -> violations.add(new Violation("回避申报", "评委 " + e.expertCode(),
            "尚未申报是否须回避（由本人通过链接申报，或由工作人员登记未由本人申报的原因）")));
    readerRule.experts().values().stream().filter(DrawnExpert::attending)
        .filter(e -> !readerRule.presentAtReview().containsKey(e.expertId()))
        .forEach(e -> violations.add(new Violation("出席情况", "评委 " + e.expertCode(), "未登记评审出席情况")));
  }

  /** 评审纪律: each item confirmed by the supervisor; a violation found waits for its incident's disposition. */
  private void checkDiscipline(long sessionId, Map<String, Attestation> attested, List<Violation> violations) {
    List<DisciplineIncidents.Incident> incidentList = incidents.list(sessionId);
    DISCIPLINE.forEach((key, item) -> {
      Attestation a = attested.get(key);
      if (a == null) {
        violations.add(new Violation("评审纪律", "监督员确认", item.text() + "：未填写"));
      } else if (item.required() && !a.isYes()) {
        violations.add(new Violation("评审纪律", "监督员 " + a.attestedBy() + " 确认", item.text() + "：否"));
      } else if (!item.required() && a.isYes()) {
        // A violation found is on record as an incident; the gate waits for its disposition, not for a "否".
        List<DisciplineIncidents.Incident> ofItem = incidentList.stream().filter(i -> i.itemKey().equals(key)).toList();
        if (ofItem.isEmpty()) {
          violations.add(new Violation("评审纪律", "监督员 " + a.attestedBy() + " 确认", item.text() + "：是，尚未登记违纪事件"));
        }
        ofItem.stream().filter(i -> !i.disposed()).forEach(i -> violations.add(new Violation("评审纪律",
            "违纪事件 " + i.id(), item.text() + "：是，尚未处理（须登记经过、涉及人员和处理措施）")));
      }
    });
  }

  /** 充分评议、集体表决: each item confirmed 是. */
  private static void checkDeliberation(ReviewSession session, Map<String, Attestation> attested,
      List<Violation> violations) {
    DELIBERATION.forEach((key, item) -> {
      Attestation a = attested.get(key);
      if (a == null || !a.isYes()) {
        violations.add(new Violation("充分评议、集体表决", "评审会 " + session.code(),
            item + "：" + (a == null ? "未填写" : "否（" + a.attestedBy() + " 填报）")));
      }
    });
  }

}
