package cn.gx.titlereview.preparation;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 评审准备: no applicant enters review without a recorded eligibility pass, and none outside the committee's
 * level or series (监管方案 二（一）1：不得把不符合评审条件的申报材料推荐进入评审环节，不得擅自放宽评审范围).
 */
@Component
public class EligibilityGate implements Gate {

  private static final String RULE = "资格审查";

  private final ApplicantRepository applicants;

  public EligibilityGate(ApplicantRepository applicants) {
    this.applicants = applicants;
  }

  @Override
  public String key() {
    return "eligibility";
  }

  @Override
  public String name() {
    return "合规检查：资格审查";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 二（一）1 / v1";
  }

  @Override
  public List<Violation> check(GateContext context) {
    ReviewSession session = context.session();
    List<Applicant> all = applicants.list(session.id());
    List<Violation> violations = new ArrayList<>();
    if (all.isEmpty()) {
      violations.add(new Violation(RULE, "评审会 " + session.code(), "尚未导入申报人员名单"));
    }
    for (Applicant a : all) {
      if (a.eligibility() == null) {
        violations.add(new Violation(RULE, a.label(), "尚未记录资格审查结果"));
      } else if (!a.eligible() && (a.eligibilityReason() == null || a.eligibilityReason().isBlank())) {
        violations.add(new Violation(RULE, a.label(), "资格审查不通过，但未注明原因"));
      } else if (a.eligible() && !session.level().equals(a.level())) {
        violations.add(new Violation("评审范围", a.label(),
            "申报级别为“" + a.level() + "”，超出本评委会的评审级别“" + session.level() + "”"));
      } else if (a.eligible() && !session.series().equals(a.series())) {
        violations.add(new Violation("评审范围", a.label(),
            "申报系列为“" + a.series() + "”，超出本评委会的评审系列“" + session.series() + "”"));
      }
    }
    return violations;
  }
}
