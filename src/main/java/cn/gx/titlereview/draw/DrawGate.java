package cn.gx.titlereview.draw;

import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.platform.gate.Gate;
import cn.gx.titlereview.platform.gate.GateContext;
import cn.gx.titlereview.platform.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * After notification: the draw happened, every drawn member has answered, and each specialty group still has its
 * prescribed number of members after declines and replacements (附件1 抽取专家情况 6、7、8).
 */
@Component
public class DrawGate implements Gate {

  private final DrawRepository draws;

  public DrawGate(DrawRepository draws) {
    this.draws = draws;
  }

  @Override
  public String key() {
    return "draw";
  }

  @Override
  public String name() {
    return "专家抽取关卡";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 附件1 抽取专家情况 / v1";
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
    long members = drawn.stream().filter(DrawnExpert::activeMember).count();
    if (members < draw.get().panelSize()) {
      violations.add(new Violation("按规定人数抽取", "评审会 " + context.session().code(),
          "评委会现有 " + members + " 人，少于规定的 " + draw.get().panelSize() + " 人"));
    }
    return violations;
  }
}
