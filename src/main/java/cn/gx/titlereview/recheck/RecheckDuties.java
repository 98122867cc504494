package cn.gx.titlereview.recheck;

import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.duty.DutyRule;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 双人复核 (监管方案 附件1 结果复核): the two rechecks are done by two different people, neither of whom entered the
 * votes, and not by anyone the supervisor found unfit. The same rule refuses a recheck task's claim and completion
 * and the import of recheck findings.
 */
@Component
class RecheckDuties implements DutyRule {

  static final String FIRST_TASK = "Task_FirstRecheck";
  static final String SECOND_TASK = "Task_SecondRecheck";
  /** Attested on completing each round's task: who did that round. */
  private static final Map<Integer, String> ROUND_MARKERS = Map.of(1, "recheckMode", 2, "secondRecheckDone");
  /** Attested on completing 登记集体表决结果: who confirmed the votes entered. */
  private static final String VOTES_MARKER = "plenaryDeliberationHeld";

  private final RecheckRepository rechecks;
  private final ReviewRepository reviews;
  private final AttestationRepository attestations;

  RecheckDuties(RecheckRepository rechecks, ReviewRepository reviews, AttestationRepository attestations) {
    this.rechecks = rechecks;
    this.reviews = reviews;
    this.attestations = attestations;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(FIRST_TASK, SECOND_TASK);
  }

  @Override
  public Optional<String> refusal(DelegateTask task, long sessionId, String userId) {
    return refusal(sessionId, FIRST_TASK.equals(task.getTaskDefinitionKey()) ? 1 : 2, userId);
  }

  /** Why the user may not do this round of the recheck, or empty. */
  public Optional<String> refusal(long sessionId, int round, String userId) {
    if (unfitRecheckers(sessionId).contains(userId)) {
      return Optional.of("监督员已认定 " + userId + " 在本评审会复核中不称职，不能再复核");
    }
    if (voteEntrants(sessionId).contains(userId)) {
      return Optional.of("复核须由未录入表决结果的人员进行：" + userId + " 录入了本评审会的表决结果，不能复核");
    }
    int other = round == 1 ? 2 : 1;
    if (roundPeople(sessionId, other).contains(userId)) {
      return Optional.of("双人复核须由两人分别进行：" + userId + " 已做过" + ordinal(other) + "复核，不能再做"
          + ordinal(round) + "复核");
    }
    return Optional.empty();
  }

  /** Who entered or amended the votes, or confirmed their entry. */
  public Set<String> voteEntrants(long sessionId) {
    Set<String> entrants = new HashSet<>(reviews.voteRecorders(sessionId));
    attestations.history(sessionId, VOTES_MARKER).stream().map(Attestation::attestedBy).forEach(entrants::add);
    return entrants;
  }

  /** Users the supervisor found unfit to recheck this session. */
  public Set<String> unfitRecheckers(long sessionId) {
    return attestations.history(sessionId, AssessRecheckersListener.UNFIT).stream()
        .map(a -> a.value().substring(0, a.value().indexOf('：'))).collect(Collectors.toSet());
  }

  /** Who recorded findings of the round or completed its task. */
  private Set<String> roundPeople(long sessionId, int round) {
    Set<String> people = rechecks.findings(sessionId).stream().filter(f -> f.round() == round)
        .map(RecheckFinding::recordedBy).collect(Collectors.toCollection(HashSet::new));
    attestations.history(sessionId, ROUND_MARKERS.get(round)).stream().map(Attestation::attestedBy)
        .forEach(people::add);
    return people;
  }

  private static String ordinal(int round) {
    return round == 1 ? "第一人" : "第二人";
  }
}
