package cn.gx.titlereview.platform.gate;

import java.time.Instant;
import java.util.List;

public record GateResult(long id, long sessionId, String gateKey, String gateName, boolean passed, List<Violation> violations,
    String ruleVersion, Instant checkedAt, String checkedBy) {
}
