package cn.gx.titlereview.workflow.gate;

import java.util.List;

/**
 * A stage's rules, checked against the data before the session may advance. A gate reads in bulk and never
 * writes; {@link RunGateDelegate} records its outcome and routes a failure to rectification.
 */
public interface Gate {

  /** Matches the {@code gateKey} input parameter of the gate's service task in the BPMN. */
  String key();

  /** The gate's Chinese name, as the record and the rectification task show it. */
  String name();

  /** The version of the rules this gate applies, kept with every result. */
  String ruleVersion();

  /** The key under which a result is recorded; a gate run more than once per session (publicity) qualifies it. */
  default String resultKey(GateContext context) {
    return key();
  }

  /** The name under which a result is recorded; qualified like {@link #resultKey}. */
  default String resultName(GateContext context) {
    return name();
  }

  /** An empty list means the gate holds. */
  List<Violation> check(GateContext context);
}
