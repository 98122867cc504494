package cn.gx.titlereview.draw;

import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * After notification: the draw happened within its window, every drawn member has answered in time, and each
 * specialty group still has its prescribed number of members after declines and replacements (附件1 抽取专家情况
 * 2、6、8).
 */
@Component
public class DrawGate implements Gate {

  private final DrawRepository draws;
  private final ApplicantRepository applicants;
  private final DrawWindow window;

  public DrawGate(DrawRepository draws, ApplicantRepository applicants, DrawWindow window) {
    this.draws = draws;
    this.applicants = applicants;
    this.window = window;
  }

  @Override
  public String key() {
    return "draw";
  }

  @Override
  public String name() {
    return "合规检查：专家抽取";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 附件1 抽取专家情况 / v2";
  }

  @Override
  public List<Violation> check(GateContext context) {
    long sessionId = context.session().id();
    List<Violation> violations = new ArrayList<>();
    Optional<Draw> draw = draws.find(sessionId);
    if (draw.isEmpty()) {
      violations.add(new Violation("随机抽取", "评审会 " + context.session().code(), "尚未抽取专家"));
      return violations;
    }
    List<DrawnExpert> drawn = draws.drawn(sessionId);
    violations.addAll(window.check(context.session(), draw.get(), drawn));
    for (DrawnExpert d : drawn) {
      if (DrawnExpert.MEMBER.equals(d.role()) && d.response() == null) {
        violations.add(new Violation("记录通知评委出席情况", d.label(), "已抽中，但尚未登记通知及是否出席"));
      }
    }
    Map<String, List<DrawnExpert>> bySpecialty = drawn.stream()
        .collect(Collectors.groupingBy(DrawnExpert::specialty));
    bySpecialty.forEach((specialty, group) -> {
      long prescribed = group.stream()
          .filter(d -> DrawnExpert.MEMBER.equals(d.role()) && d.replacesExpertCode() == null).count();
      long active = group.stream().filter(DrawnExpert::activeMember).count();
      if (active < prescribed) {
        violations.add(new Violation("按规定人数抽取", "评议组“" + specialty + "”",
            "不出席后候补已用尽：现有评委 " + active + " 人，少于抽取时的 " + prescribed + " 人"));
      }
    });
    // Experts working for an applicant's employer may not review that applicant: each applicant needs enough
    // members of its group without that conflict to be read by two of them.
    for (Applicant a : applicants.list(sessionId)) {
      if (!a.eligible()) {
        continue;
      }
      long free = bySpecialty.getOrDefault(a.specialty(), List.of()).stream()
          .filter(DrawnExpert::activeMember).filter(d -> !d.employer().equals(a.employer())).count();
      if (free < PanelQuota.READERS_PER_APPLICANT) {
        violations.add(new Violation("回避同单位专家", a.label(), "评议组“" + a.specialty() + "”中与其不同单位的评委仅 "
            + free + " 人，不足 " + PanelQuota.READERS_PER_APPLICANT + " 名审阅专家"));
      }
    }
    long members = drawn.stream().filter(DrawnExpert::activeMember).count();
    if (members < draw.get().panelSize()) {
      violations.add(new Violation("按规定人数抽取", "评审会 " + context.session().code(),
          "评委会现有 " + members + " 人，少于规定的 " + draw.get().panelSize() + " 人"));
    }
    return violations;
  }
}
