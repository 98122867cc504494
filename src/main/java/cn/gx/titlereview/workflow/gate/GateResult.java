package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.platform.PlatformConfig;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

public record GateResult(long id, long sessionId, String gateKey, String gateName, boolean passed, List<Violation> violations,
    String ruleVersion, Instant checkedAt, String checkedBy) {

  /** When it ran, in China Standard Time, as pages show it. */
  public String checkedAtText() {
    return PlatformConfig.MINUTES.format(checkedAt);
  }

  /** The run in one phrase, as the record's evidence and notes give it: which gate, when, its outcome, who ran it. */
  public String describe() {
    return (gateName == null ? gateKey : gateName) + "于 " + checkedAtText() + (passed ? " 通过"
        : " 未通过（" + violations.size() + " 项）") + (checkedBy == null ? "" : "，经办人 " + checkedBy);
  }

  /** What in these runs may name an account (who ran each, what each found): to read their people at once. */
  public static Stream<String> mentions(List<GateResult> gates) {
    return gates.stream().flatMap(g -> Stream.concat(Stream.of(g.checkedBy()),
        g.violations().stream().map(Violation::describe)));
  }
}
