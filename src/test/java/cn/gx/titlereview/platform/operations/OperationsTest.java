package cn.gx.titlereview.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gx.titlereview.platform.RefusalLogFilter;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an operator sees (docs/operations.md): the probes without login, the metrics for the monitoring group only. */
@IntegrationTest
class OperationsTest {

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired WorkloadGauges workload;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void theProbesAnswerWithoutLoginAndReadinessChecksTheDatabaseAndTheEngine() throws Exception {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
      Reply anonymous = api.get(probe, null);
      assertThat(anonymous.status()).as(probe).isEqualTo(200);
      assertThat(json.readTree(anonymous.body()).get("status").asText()).as(probe).isEqualTo("UP");
      assertThat(anonymous.body()).as("no details for anyone").doesNotContain("components");
    }
    JsonNode readiness = json.readTree(api.get("/actuator/health/readiness", "monitor1").body());
    assertThat(readiness.get("components").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("readinessState", "db", "engine");
    JsonNode engine = readiness.at("/components/engine");
    assertThat(engine.get("status").asText()).isEqualTo("UP");
    assertThat(engine.at("/details/schemaVersion").asText()).isNotBlank().isNotEqualTo("null");
    assertThat(engine.at("/details/jobExecutor").asText()).as("jobs are off in these tests").isEqualTo("off");
    assertThat(api.get("/actuator/health/readiness", "staff1").body()).as("details for operators only")
        .doesNotContain("components");
  }

  @Test
  void theMetricsAreForTheMonitoringGroupOnly() {
    for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics"}) {
      Reply anonymous = api.get(path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.body()).contains("需要登录");
      Reply staff = api.get(path, "staff1");
      assertThat(staff.status()).as(path).isEqualTo(403);
      assertThat(staff.body()).contains("运维监控");
      assertThat(api.get(path, "monitor1").status()).as(path).isEqualTo(200);
      assertThat(api.get(path, "admin").status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aGateRunAnImportAndTheWorkInHandShowInTheMetrics() {
    String code = "OPS-" + System.nanoTime();
    walk.start(code, "staff4,staff3");
    // Completed before any applicant is imported: the eligibility gate runs as a job, and fails.
    walk.complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);
    walk.fill(code, "staff1");
    workload.refresh();

    String metrics = api.get("/actuator/prometheus", "monitor1").body();
    assertThat(value(metrics, "titlereview_gate_duration_seconds_count", "gate=\"eligibility\"", "outcome=\"failed\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "titlereview_gate_duration_seconds_sum", "gate=\"eligibility\"", "outcome=\"failed\""))
        .isGreaterThan(0);
    assertThat(metrics).contains("titlereview_gate_duration_seconds_bucket{");
    assertThat(value(metrics, "titlereview_import_duration_seconds_count", "format=\"json\"", "outcome=\"accepted\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "titlereview_import_rows_sum", "format=\"json\"")).isGreaterThanOrEqualTo(60);
    assertThat(value(metrics, "camunda_jobs_executed_seconds_count", "outcome=\"succeeded\"")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("camunda_jobs_acquired_total", "camunda_jobs_executed_seconds_count{",
        "camunda_jobs_backlog", "camunda_incidents_open");
    assertThat(value(metrics, "titlereview_tasks_open")).isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "titlereview_tasks_overdue")).isGreaterThanOrEqualTo(0);
    assertThat(value(metrics, "titlereview_sessions_open")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("http_server_requests_seconds_count{", "hikaricp_connections_active", "jvm_memory_used_bytes");
  }

  /**
   * Machine calls with HTTP Basic (Prometheus, integrations, probes) leave no browser session in the database: with
   * sessions in a table (Spring Session JDBC), every scrape would otherwise add a row until it expires.
   */
  @Test
  void machineCallsLeaveNoSessionInTheDatabase() {
    long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/actuator/prometheus", "monitor1").status()).isEqualTo(200);
      assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
      assertThat(api.get("/api/archive/public-key", "staff1").status()).isEqualTo(200);
    }
    assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(before);
  }

  /**
   * A line the engine's work for a session logs carries the session's code, though the request's path names no session
   * (here a refused task completion, logged while the engine runs the session's process: its business key).
   */
  @Test
  void whatTheEngineLogsForASessionCarriesItsCode() {
    String code = "LOGCODE-" + System.nanoTime();
    walk.start(code, "staff4");
    walk.complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);
    Logger refusals = (Logger) LoggerFactory.getLogger(RefusalLogFilter.REFUSALS);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    refusals.addAppender(lines);
    try {
      // 整改：资格审查 without its note: the attestation listener refuses the completion.
      walk.complete(code, "staff1", "Task_RectifyEligibility");
    } catch (RuntimeException expected) {
      assertThat(expected).hasRootCauseInstanceOf(BadUserRequestException.class);
    } finally {
      refusals.detachAppender(lines);
    }
    assertThat(lines.list).isNotEmpty()
        .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry(LogContextFilter.SESSION_CODE, code));
  }

  /** The value of the first sample of the metric whose labels include all the given ones. */
  private static double value(String metrics, String name, String... labels) {
    Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
    while (line.find()) {
      String found = line.group(1) == null ? "" : line.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= found.contains(label);
      }
      if (all) {
        return Double.parseDouble(line.group(2));
      }
    }
    throw new AssertionError(name + " " + String.join(",", labels) + " 不在指标中：\n" + metrics.lines()
        .filter(l -> l.startsWith(name.replaceAll("_(count|sum|total)$", ""))).toList());
  }
}
