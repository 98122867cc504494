package cn.gx.titlereview.recheck;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.attestation.SessionAttestations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 附件1 评审过程·评审结果复核: how the recheck was organised, that two people rechecked each pass, what they found, who was unfit. */
@Component
class RecheckRecordFacts implements RecordContribution {

  private final RecheckService rechecks;
  private final RecheckRepository findings;
  private final AttestationRepository attestations;

  RecheckRecordFacts(RecheckService rechecks, RecheckRepository findings, AttestationRepository attestations) {
    this.rechecks = rechecks;
    this.findings = findings;
    this.attestations = attestations;
  }

  @Override
  public Set<String> keys() {
    return Set.of("recheck.mode", "recheck.dual", "recheck.problemRatio", "recheck.unfitStaff");
  }

  @Override
  public Map<String, Answer> facts(SessionReading reading) {
    SessionAttestations attested = attestations.all(reading);
    Map<String, Answer> facts = new HashMap<>();
    Attestation mode = attested.current().get("recheckMode");
    Attestation unit = attested.current().get("recheckUnit");
    facts.put("recheck.mode", mode == null ? Answer.notReached("尚未记录复核方式")
        : Answer.of("是（" + ("entrusted".equals(mode.value()) ? "委托复核" : "交叉审核") + "）",
            "复核单位：" + (unit == null ? "未填写" : unit.value()) + "；" + mode.attestedBy() + " 于 "
                + MINUTES.format(mode.attestedAt()) + " 填报"));
    dual(rechecks.passedApplicants(reading), findings.findings(reading), facts);
    Attestation assessed = attested.current().get("rechecksFit");
    List<Attestation> unfit = attested.history("unfitRechecker");
    facts.put("recheck.unfitStaff", assessed == null && unfit.isEmpty() ? Answer.notReached("监督员尚未评估复核人员")
        : Answer.yesNo(!unfit.isEmpty(), unfit.isEmpty()
            ? "监督员 " + assessed.attestedBy() + " 于 " + MINUTES.format(assessed.attestedAt()) + " 评估：称职"
            : unfit.stream().map(a -> a.value() + "（监督员 " + a.attestedBy() + " 认定，已由他人重新复核）")
                .collect(Collectors.joining("；"))));
    return facts;
  }

  /** 双人复核 and the share of passes with a problem, once both rounds cover every pass. */
  private static void dual(List<Applicant> passed, List<RecheckFinding> recorded, Map<String, Answer> facts) {
    Map<Long, Map<Integer, RecheckFinding>> findings = recorded.stream()
        .collect(Collectors.groupingBy(RecheckFinding::applicantId, Collectors.toMap(RecheckFinding::round, f -> f)));
    boolean complete = !passed.isEmpty() && passed.stream().allMatch(a -> findings.getOrDefault(a.id(), Map.of())
        .keySet().containsAll(List.of(1, 2)));
    if (!complete) {
      facts.put("recheck.dual", Answer.notReached("尚未完成两人复核"));
      facts.put("recheck.problemRatio", Answer.notReached("尚未完成两人复核"));
      return;
    }
    boolean dual = passed.stream().allMatch(a -> !findings.get(a.id()).get(1).recordedBy()
        .equals(findings.get(a.id()).get(2).recordedBy()));
    String people = passed.stream().flatMap(a -> findings.get(a.id()).values().stream())
        .map(RecheckFinding::recordedBy).distinct().sorted().collect(Collectors.joining("、"));
    facts.put("recheck.dual", Answer.yesNo(dual, "复核人：" + people + "；每名通过人员均由两人分别复核：" + (dual ? "是" : "否")));
    long problems = passed.stream().filter(a -> findings.get(a.id()).values().stream()
        .anyMatch(RecheckFinding::problem)).count();
    facts.put("recheck.problemRatio", Answer.of(Answer.rate(problems, passed.size()),
        "复核存在问题 " + problems + " 人 / 通过 " + passed.size() + " 人"));
  }
}
