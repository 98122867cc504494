package cn.gx.titlereview.workflow.gate;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * The one delegate behind every gate task: runs the gate named by the task's {@code gateKey} input, records the
 * outcome for the record form, and turns violations into {@code Error_GateFailed}, whose message lists them.
 */
@Component("runGate")
class RunGateDelegate implements JavaDelegate {

  public static final String ERROR_CODE = "GATE_FAILED";
  /** Process variables hold at most 4000 characters; the full list stays in gate_result. */
  static final int MESSAGE_LIMIT = 3500;

  private final Map<String, Gate> gates;
  private final SessionRepository sessions;
  private final GateResultRepository results;
  private final HistoryService historyService;
  private final Clock clock;
  private final MeterRegistry meters;

  RunGateDelegate(List<Gate> gates, SessionRepository sessions, GateResultRepository results,
      HistoryService historyService, Clock clock, MeterRegistry meters) {
    this.gates = gates.stream().collect(Collectors.toMap(Gate::key, Function.identity()));
    this.sessions = sessions;
    this.results = results;
    this.historyService = historyService;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariableLocal("gateKey");
    Gate gate = gates.get(key);
    if (gate == null) {
      throw new IllegalStateException("未知的合规检查：" + key + "（BPMN 中 gateKey 输入参数有误）");
    }
    // Durations and outcomes by gate, for operators (docs/operations.md); error = a technical failure, an incident.
    Timer.Sample running = Timer.start(meters);
    String outcome = "error";
    try {
      run(gate, execution);
      outcome = "passed";
    } catch (BpmnError failed) {
      outcome = "failed";
      throw failed;
    } finally {
      running.stop(Timer.builder("titlereview.gate.duration").description("合规检查的耗时与结果（passed、failed、error）")
          .tag("gate", key).tag("outcome", outcome).register(meters));
    }
  }

  private void run(Gate gate, DelegateExecution execution) {
    ReviewSession session = sessions.get(ProcessVariables.sessionId(execution));
    GateContext context = new GateContext(session, execution.getVariables());
    List<Violation> violations;
    try {
      violations = gate.check(context);
    } catch (RuntimeException e) {
      throw new GateIncident(gate, session, e);
    }
    results.record(session.id(), gate.resultKey(context), gate.resultName(context), violations, gate.ruleVersion(),
        clock.instant(),
        lastActor(execution.getProcessInstanceId()), execution.getProcessInstanceId());
    if (!violations.isEmpty()) {
      throw new BpmnError(ERROR_CODE, message(gate, session, violations));
    }
  }

  /** Gates run asynchronously, so "who" is the user who completed the stage's latest task. */
  private String lastActor(String processInstanceId) {
    return historyService.createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .entityType(EntityTypes.TASK)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .orderByTimestamp().desc()
        .listPage(0, 1).stream().map(UserOperationLogEntry::getUserId).findFirst().orElse(null);
  }

  static String message(Gate gate, ReviewSession session, List<Violation> violations) {
    StringBuilder text = new StringBuilder(gate.name()).append("未通过，共 ").append(violations.size()).append(" 项问题：\n");
    int shown = 0;
    for (Violation v : violations) {
      String line = (shown + 1) + ". " + v.describe() + "\n";
      if (text.length() + line.length() > MESSAGE_LIMIT) {
        break;
      }
      text.append(line);
      shown++;
    }
    if (shown < violations.size()) {
      text.append("……另有 ").append(violations.size() - shown).append(" 项，完整列表见本评审会的“合规检查记录”页面（/sessions/")
          .append(session.code()).append("/gates）");
    }
    return text.toString();
  }
}
