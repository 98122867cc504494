package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.session.ReviewSession;
import java.util.Map;

/** What a gate checks: the session's data, plus the small process variables of the stage (counts and flags). */
public record GateContext(ReviewSession session, Map<String, Object> variables) {

  public int intVariable(String name) {
    Object value = variables.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("流程变量 " + name + " 缺失或不是数字");
    }
    return number.intValue();
  }
}
