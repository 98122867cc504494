package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A publicity round whose end passes while the application is down: the timer is a job in the database, so the
 * job executor of the next start fires it and the round moves on to complaint verification.
 */
class PublicityTimerAfterRestartTest {

  private static final String DB = "jdbc:h2:mem:publicity-restart;DB_CLOSE_DELAY=-1";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOverdueRoundEndFiresWhenTheEngineStartsAgain() throws Exception {
    ProcessEngine before = engine("before-restart", false);
    before.getRepositoryService().createDeployment().addClasspathResource("bpmn/Publicity.bpmn").deploy();
    String id = before.getRuntimeService().startProcessInstanceByKey("Publicity", "R-1",
        Map.of("sessionId", 1L, "publicityRound", 1)).getId();
    String task = before.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    before.getTaskService().complete(task);
    assertThat(before.getManagementService().createJobQuery().timers().singleResult().getDuedate())
        .isAfter(new Date());
    before.close();

    // Six days pass while no engine runs.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));
    ProcessEngine after = engine("after-restart", true);
    try {
      long deadline = System.currentTimeMillis() + 20_000;
      while (after.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("Task_VerifyComplaints")
          .count() == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      assertThat(after.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
          .isEqualTo("Task_VerifyComplaints");
    } finally {
      after.close();
    }
  }

  private static ProcessEngine engine(String name, boolean jobExecutor) {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl(DB);
    config.setProcessEngineName(name);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(jobExecutor);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    Map<Object, Object> beans = new HashMap<>();
    // The round's five working days end in five days: the form listener's job, played here.
    beans.put("openPublicityRound", (TaskListener) t -> t.getExecution().setVariable("publicityEndsAt",
        Date.from(Instant.now().plus(Duration.ofDays(5)))));
    beans.put("recordAttestation", (TaskListener) t -> { });
    beans.put("sessionStaff", new ProcessTestEngine.StaffStub());
    beans.put("sessionPeople", new ProcessTestEngine.SessionPeopleStub());
    beans.put("deadlines", new ProcessTestEngine.DeadlinesStub());
    beans.put("verifyComplaint", (TaskListener) t -> { });
    beans.put("runGate", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> { });
    config.setBeans(beans);
    return config.buildProcessEngine();
  }
}
