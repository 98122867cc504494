package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.platform.PlatformConfig;
import java.time.Instant;
import java.util.List;

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
}
