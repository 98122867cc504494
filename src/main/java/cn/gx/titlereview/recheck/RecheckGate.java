package cn.gx.titlereview.recheck;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 结果复核: the mode (交叉审核 / 委托复核) is recorded, two different users, neither of whom entered the votes,
 * each rechecked every passed applicant, and every problem found has a disposition (附件1 评审结果复核 1–3).
 */
@Component
public class RecheckGate implements Gate {

  private final RecheckService recheckService;
  private final RecheckRepository rechecks;
  private final RecheckDuties duties;
  private final AttestationRepository attestations;

  public RecheckGate(RecheckService recheckService, RecheckRepository rechecks, RecheckDuties duties,
      AttestationRepository attestations) {
    this.recheckService = recheckService;
    this.rechecks = rechecks;
    this.duties = duties;
    this.attestations = attestations;
  }

  @Override
  public String key() {
    return "recheck";
  }

  @Override
  public String name() {
    return "合规检查：双人复核";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 附件1 评审结果复核 / v1";
  }

  @Override
  public List<Violation> check(GateContext context) {
    long sessionId = context.session().id();
    List<Violation> violations = new ArrayList<>();
    Attestation mode = attestations.current(sessionId).get("recheckMode");
    if (mode == null || !List.of("cross", "entrusted").contains(mode.value())) {
      violations.add(new Violation("交叉审核或委托复核", "评审会 " + context.session().code(), "未记录复核方式"));
    }
    Map<Long, Map<Integer, RecheckFinding>> byApplicant = rechecks.findings(sessionId).stream()
        .collect(Collectors.groupingBy(RecheckFinding::applicantId,
            Collectors.toMap(RecheckFinding::round, f -> f)));
    Set<String> voteRecorders = duties.voteEntrants(sessionId);
    for (Applicant a : recheckService.passedApplicants(sessionId)) {
      Map<Integer, RecheckFinding> rounds = byApplicant.getOrDefault(a.id(), Map.of());
      RecheckFinding first = rounds.get(1);
      RecheckFinding second = rounds.get(2);
      if (first == null || second == null) {
        violations.add(new Violation("双人复核", a.label(), "缺少" + (first == null ? "第一人" : "") +
            (first == null && second == null ? "和" : "") + (second == null ? "第二人" : "") + "复核"));
      } else if (first.recordedBy().equals(second.recordedBy())) {
        violations.add(new Violation("双人复核", a.label(), "两次复核均由 " + first.recordedBy() + " 完成"));
      }
      rounds.values().stream().filter(f -> voteRecorders.contains(f.recordedBy())).forEach(f ->
          violations.add(new Violation("双人复核", a.label(), "复核人 " + f.recordedBy() + " 同时是表决结果的录入人")));
      rounds.values().stream().filter(f -> f.problem() && f.disposition() == null).forEach(f ->
          violations.add(new Violation("复核问题处理", a.label(),
              "复核发现问题（" + f.note() + "）尚未处理：须撤销通过或更正后确认")));
    }
    return violations;
  }
}
