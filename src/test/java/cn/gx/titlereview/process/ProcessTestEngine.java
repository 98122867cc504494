package cn.gx.titlereview.process;

import cn.gx.titlereview.workflow.attestation.AttestationPlugin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * A bare in-memory engine for the model tests. The Spring beans the BPMN names are replaced by small stand-ins:
 * gates follow a script (pass unless told to fail), listeners record what they saw. The gates' rules themselves
 * are tested against real data in the Spring tests; here we test the models' paths.
 */
public final class ProcessTestEngine {

  /** Gate outcomes to play, per gate key: false fails once. Unscripted runs pass. */
  public static final Map<String, Deque<Boolean>> GATE_SCRIPT = new HashMap<>();
  /** Every gate key run, in order. */
  public static final List<String> GATES_RUN = new ArrayList<>();
  /** Spot-check outcomes to play: false sends the results back to recheck once. Unscripted ones pass. */
  public static final Deque<Boolean> SPOT_CHECKS = new ArrayDeque<>();
  /** Pass rates to play: true is above the ceiling once. Unscripted ones are within it. */
  public static final Deque<Boolean> PASS_RATES_ABOVE_CEILING = new ArrayDeque<>();
  public static final Deque<Boolean> REVIEW_TIMES_SHORT = new ArrayDeque<>();
  /** Whether someone must be chased, per hourly check: true once puts someone on the call list. Unscripted: nobody. */
  public static final Deque<Boolean> REPLIES_OVERDUE = new ArrayDeque<>();
  /** The finding ids an inspection's findings list returns; each is due in three days. */
  public static final List<Long> FINDINGS = new ArrayList<>();
  /** Every listener bean called, as "bean:taskDefinitionKey". */
  public static final List<String> LISTENER_CALLS = new ArrayList<>();

  private static final ProcessEngine ENGINE = build();

  private ProcessTestEngine() {
  }

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();
  }

  public static void reset() {
    GATE_SCRIPT.clear();
    GATES_RUN.clear();
    LISTENER_CALLS.clear();
    SPOT_CHECKS.clear();
    PASS_RATES_ABOVE_CEILING.clear();
    REVIEW_TIMES_SHORT.clear();
    REPLIES_OVERDUE.clear();
    FINDINGS.clear();
  }

  public static void failGateOnce(String gateKey) {
    GATE_SCRIPT.computeIfAbsent(gateKey, k -> new ArrayDeque<>()).add(false);
  }

  private static ProcessEngine build() {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setProcessEngineName("process-tests");
    Map<Object, Object> beans = new HashMap<>();
    beans.put("runGate", (JavaDelegate) execution -> {
      String key = (String) execution.getVariableLocal("gateKey");
      GATES_RUN.add(key);
      Deque<Boolean> script = GATE_SCRIPT.get(key);
      if (script != null && !script.isEmpty() && !script.poll()) {
        throw new BpmnError("GATE_FAILED", "【测试】" + key + " 未通过");
      }
    });
    beans.put("registerSession", (JavaDelegate) execution -> {
      execution.setVariable("sessionId", 1L);
      execution.setProcessBusinessKey((String) execution.getVariable("sessionCode"));
    });
    beans.put("freezeRecordForm", (ExecutionListener) execution -> LISTENER_CALLS.add("freezeRecordForm"));
    beans.put("sessionTaskFilter", (ExecutionListener) execution -> LISTENER_CALLS.add("sessionTaskFilter"));
    beans.put("commitDraw", (JavaDelegate) execution -> execution.setVariable("drawPoolSha256", "0".repeat(64)));
    beans.put("drawExperts", (JavaDelegate) execution -> execution.setVariable("drawPoolSize", 200));
    beans.put("registerComplaint", (JavaDelegate) execution -> execution.setVariable("complaintId", 1L));
    beans.put("submitToApprover", (JavaDelegate) execution -> execution.setVariable("submitted", true));
    beans.put("evaluateReviewTime", (JavaDelegate) execution -> execution.setVariable("reviewTimeNeedsJustification",
        !REVIEW_TIMES_SHORT.isEmpty() && REVIEW_TIMES_SHORT.poll()));
    beans.put("findOverdueReplies", (JavaDelegate) execution -> execution.setVariable("repliesOverdue",
        !REPLIES_OVERDUE.isEmpty() && REPLIES_OVERDUE.poll()));
    beans.put("evaluatePassRate", (JavaDelegate) execution -> execution.setVariable("passRateAboveCeiling",
        !PASS_RATES_ABOVE_CEILING.isEmpty() && PASS_RATES_ABOVE_CEILING.poll()));
    beans.put("evaluateSpotCheck", (JavaDelegate) execution ->
        execution.setVariable("spotCheckPassed", SPOT_CHECKS.isEmpty() || SPOT_CHECKS.poll()));
    for (String listener : List.of("recordAttestation", "recordStaffPledge", "signRecord", "commitSpotCheck", "drawSpotCheck",
        "recordSpotCheck", "assessRecheckers", "verifyComplaint", "openDisciplineIncidents", "confirmDrawCommitment",
        "requireOfflineResult", "recordOnSiteDecision", "answerFinding", "verifyFinding",
        "superviseOverdueFinding")) {
      beans.put(listener, (TaskListener) task -> LISTENER_CALLS.add(listener + ":" + task.getTaskDefinitionKey()));
    }
    beans.put("openPublicityRound", (TaskListener) task -> {
      LISTENER_CALLS.add("openPublicityRound:" + task.getTaskDefinitionKey());
      task.getExecution().setVariable("publicityEndsAt", new Date(System.currentTimeMillis() + 5 * 86_400_000L));
    });
    beans.put("sessionStaff", new StaffStub());
    beans.put("inspectionStaff", new StaffStub());
    beans.put("sessionPeople", new SessionPeopleStub());
    beans.put("inspectionPeople", new InspectionPeopleStub());
    beans.put("deadlines", new DeadlinesStub());
    // Separation of duties is tested against real data in the Spring tests; here every user may do every task.
    beans.put("separationOfDuties", (TaskListener) task -> { });
    beans.put("inspectionFindings", new FindingsStub());
    beans.put("closeInspectionFindings", (TaskListener) task -> task.setVariable("findingCount", FINDINGS.size()));
    beans.put("prepareFinding", (ExecutionListener) execution -> {
      execution.setVariableLocal("findingDue", new Date(System.currentTimeMillis() + 3 * 86_400_000L));
      execution.setVariableLocal("rectificationAccepted", null);
    });
    beans.put("openOnSiteInspection", (JavaDelegate) execution -> execution.setVariable("inspectionId", 7L));
    beans.put("escalateOverdueFinding", (JavaDelegate) execution -> LISTENER_CALLS.add("escalateOverdueFinding"));
    beans.put("closeSession", (ExecutionListener) execution -> LISTENER_CALLS.add("closeSession:"
        + execution.getCurrentActivityId()));
    beans.put("concludeInspection", (ExecutionListener) execution -> LISTENER_CALLS.add("concludeInspection"));
    config.setBeans(beans);
    // As in the application: an attested task gets ${recordAttestation} from its property alone.
    config.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(AttestationPlugin.parseListener())));
    return config.buildProcessEngine();
  }

  /** Stands in for the deadlines bean: every task is due in three days. */
  public static class DeadlinesStub {
    public Date drawWindowOpens(Number sessionId) {
      return inDays(3);
    }

    public Date reviewStarts(Number sessionId) {
      return inDays(3);
    }

    public Date reviewEnds(Number sessionId) {
      return inDays(3);
    }

    public Date workingDays(int n) {
      return inDays(3);
    }

    private static Date inDays(int days) {
      return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
  }

  /** Stands in for the inspectionFindings bean. */
  public static class FindingsStub {
    public List<Long> ids(Number inspectionId) {
      return FINDINGS;
    }
  }

  /** Stands in for the sessionStaff and inspectionStaff beans: two staff users on every session. */
  public static class StaffStub {
    public List<String> userIds(Number id) {
      return List.of("staff1", "staff4");
    }
  }

  /** The role groups as the models name them, without organizations: the bare engine has none. */
  public static class SessionPeopleStub {
    public String organising(Number sessionId, String role) {
      return role;
    }

    public String approving(Number sessionId) {
      return "approver";
    }
  }

  public static class InspectionPeopleStub {
    public String inspectors(Number inspectionId) {
      return "approver";
    }

    public String escalation(Number inspectionId) {
      return "deptHead";
    }

    public String regionOffice() {
      return "approver";
    }
  }
}
