package cn.gx.titlereview.archive;

import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 归档: each of the five archive items of 附件1 has at least one file (监管方案 二（二）3). */
@Component
public class ArchiveGate implements Gate {

  private final ArchiveRepository archive;

  public ArchiveGate(ArchiveRepository archive) {
    this.archive = archive;
  }

  @Override
  public String key() {
    return "archive";
  }

  @Override
  public String name() {
    return "合规检查：归档";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 二（二）3、附件1 材料存档情况 / v1";
  }

  @Override
  public List<Violation> check(GateContext context) {
    Set<String> present = archive.files(context.session().id()).stream().map(ArchiveRepository.ArchiveFile::item)
        .collect(Collectors.toSet());
    List<Violation> violations = new ArrayList<>();
    for (ArchiveItem item : ArchiveItem.values()) {
      if (!present.contains(item.name())) {
        violations.add(new Violation("材料存档", item.title(), "尚未上传存档（项目代码 " + item.name() + "）"));
      }
    }
    return violations;
  }
}
