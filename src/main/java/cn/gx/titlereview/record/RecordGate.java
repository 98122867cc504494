package cn.gx.titlereview.record;

import cn.gx.titlereview.publicity.ComplaintService;
import cn.gx.titlereview.review.VoteAmendment;
import cn.gx.titlereview.review.VoteAmendmentRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before signing: every earlier gate's result in force is a pass, no vote amendment awaits a decision, no complaint
 * awaits verification, and every item an adjusted form added has been answered.
 */
@Component
public class RecordGate implements Gate {

  static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("eligibility", "合规检查：资格审查");
    REQUIRED.put("roster", "合规检查：名册与监督");
    REQUIRED.put("draw", "合规检查：专家抽取");
    REQUIRED.put("pledges", "合规检查：培训与签署");
    REQUIRED.put("review", "合规检查：封闭评审");
    REQUIRED.put("recheck", "合规检查：双人复核");
    REQUIRED.put("publicity-1", "第一次合规检查：公示");
    REQUIRED.put("publicity-2", "第二次合规检查：公示");
    REQUIRED.put("archive", "合规检查：归档");
  }

  private final GateResultRepository gateResults;
  private final VoteAmendmentRepository amendments;
  private final RecordFormVersions forms;
  private final AttestationRepository attestations;
  private final ComplaintService complaints;

  public RecordGate(GateResultRepository gateResults, VoteAmendmentRepository amendments, RecordFormVersions forms,
      AttestationRepository attestations, ComplaintService complaints) {
    this.gateResults = gateResults;
    this.amendments = amendments;
    this.forms = forms;
    this.attestations = attestations;
    this.complaints = complaints;
  }

  @Override
  public String key() {
    return "record";
  }

  @Override
  public String name() {
    return "合规检查：记录表完整性";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 四（一） / v2（信访件均已核查）";
  }

  @Override
  public List<Violation> check(GateContext context) {
    Map<String, GateResult> latest = gateResults.latest(context.session().id());
    List<Violation> violations = new ArrayList<>();
    REQUIRED.forEach((key, name) -> {
      GateResult result = latest.get(key);
      if (result == null) {
        violations.add(new Violation("如实填写记录表", name, "从未执行"));
      } else if (!result.passed()) {
        violations.add(new Violation("如实填写记录表", name, "最近一次检查未通过（" + result.violations().size() + " 项问题）"));
      }
    });
    amendments.list(context.session().id()).stream().filter(m -> VoteAmendment.PROPOSED.equals(m.status()))
        .forEach(m -> violations.add(new Violation("表决结果更正须经监督员审批", "申报人 " + m.applicantNo(),
            "更正申请 " + m.id() + "（" + m.proposedBy() + " 提出）尚待审批")));
    violations.addAll(complaints.unverified(context.session().id()));
    // Items an adjusted form added are answered by their group before the record can be signed.
    Map<String, Attestation> attested = attestations.current(context.session().id());
    forms.catalogueFor(context.session()).items()
        .filter(i -> i.group() != null && i.notApplicable() == null && !attested.containsKey(i.attestation()))
        .forEach(i -> violations.add(new Violation("如实填写记录表", "调整版记录表新增项“" + i.text() + "”",
            "尚未由 " + i.group() + " 组填报")));
    return violations;
  }
}
