package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.attestation.Attestation;
import cn.gx.titlereview.platform.attestation.AttestationRepository;
import cn.gx.titlereview.platform.gate.Gate;
import cn.gx.titlereview.platform.gate.GateContext;
import cn.gx.titlereview.platform.gate.GateResult;
import cn.gx.titlereview.platform.gate.GateResultRepository;
import cn.gx.titlereview.platform.gate.Violation;
import cn.gx.titlereview.publicity.ComplaintService;
import cn.gx.titlereview.review.VoteAmendment;
import cn.gx.titlereview.review.VoteAmendmentRepository;
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
    REQUIRED.put("eligibility", "资格审查关卡");
    REQUIRED.put("roster", "名册与监督关卡");
    REQUIRED.put("draw", "专家抽取关卡");
    REQUIRED.put("pledges", "培训与签署关卡");
    REQUIRED.put("review", "封闭评审关卡");
    REQUIRED.put("recheck", "双人复核关卡");
    REQUIRED.put("publicity-1", "第一次公示关卡");
    REQUIRED.put("publicity-2", "第二次公示关卡");
    REQUIRED.put("archive", "归档关卡");
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
    return "记录表完整性关卡";
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
