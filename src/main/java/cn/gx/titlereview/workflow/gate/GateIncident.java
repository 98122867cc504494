package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.session.ReviewSession;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A gate that could not decide (its data is inconsistent, a variable is missing, the database failed) is a technical
 * failure: the job retries, then becomes an incident. Its message — what Cockpit shows for the incident — names the
 * gate, its rule version and the session in Chinese, with the cause's own message; the stack trace stays one click
 * further, for developers.
 */
class GateIncident extends ProcessEngineException {

  /** Camunda stores at most 4000 characters of an incident message. */
  static final int MESSAGE_LIMIT = 3800;

  GateIncident(Gate gate, ReviewSession session, RuntimeException cause) {
    super(message(gate, session, cause), cause);
  }

  static String message(Gate gate, ReviewSession session, RuntimeException cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String text = gate.name() + "（gateKey " + gate.key() + "，规则版本 " + gate.ruleVersion() + "）未能完成检查，评审会 "
        + session.code() + " 停在此处。原因：" + reason
        + "。这不是违规结论：请修正数据或配置后，在 Cockpit 的“事件”中点“重试”；详细堆栈供开发人员查看。";
    return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + "……" : text;
  }
}
