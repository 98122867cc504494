package cn.gx.titlereview.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.TitleReviewApplication;
import cn.gx.titlereview.platform.web.Refusal;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.support.WebappRuntime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database restarted under a few users (docs/operations.md, "Faults"): while it is away, readiness is DOWN and
 * every request that needs it answers 503 in Chinese, never 500; when it is back, readiness is UP, the same requests
 * succeed and the job executor runs jobs again, all without restarting the node. A PostgreSQL server of its own (zonky),
 * stopped and started on the same port and data directory, as {@code pg_ctl restart} does.
 */
class DatabaseOutageTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres database;
  private static Path dataDirectory;
  private static int databasePort;
  private static ConfigurableApplicationContext node;

  @BeforeAll
  static void startDatabaseAndNode() throws IOException {
    dataDirectory = Files.createTempDirectory("outage-pg");
    try (ServerSocket free = new ServerSocket(0)) {
      databasePort = free.getLocalPort();
    }
    startDatabase();
    node = new SpringApplicationBuilder(TitleReviewApplication.class).profiles("demo").run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        // a short wait for a connection, so that the outage answers quickly here (production: 5 s)
        "--spring.datasource.hikari.connection-timeout=1500",
        "--camunda.bpm.process-engine-name=outage", "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.max-wait=1000", "--camunda.bpm.webapp.enabled=" + EmbeddedPostgres.WEBAPPS,
        "--camunda.bpm.generic-properties.properties.historyCleanupEnabled=false",
        "--titlereview.reminders.cron=-", "--spring.main.banner-mode=off",
        "--titlereview.archive.signing-key=" + System.getProperty("java.io.tmpdir") + "/archive-signing-key-test.pem");
  }

  private static void startDatabase() throws IOException {
    database = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false).setPort(databasePort).start();
  }

  @AfterAll
  static void stopAll() throws IOException {
    WebappRuntime.close(node);
    if (database != null) {
      database.close();
    }
  }

  @Test
  void readinessFollowsTheDatabaseAndRequestsDuringItsOutageAreRetryable503s() throws Exception {
    Api api = new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);

    // A few users at work: staff reading a year of the calendar, an approver the supervision data, staff their tasks.
    List<String[]> users = List.of(new String[] {"staff1", "/api/calendar/2026"},
        new String[] {"approver1", "/api/supervision/sessions"}, new String[] {"staff4", "/engine-rest/task/count"});
    ConcurrentLinkedQueue<Api.Reply> replies = new ConcurrentLinkedQueue<>();
    AtomicBoolean working = new AtomicBoolean(true);
    List<Thread> workers = users.stream().map(user -> new Thread(() -> {
      while (working.get()) {
        replies.add(api.get(user[1], user[0]));
        sleep(100);
      }
    }, "user-" + user[0])).toList();
    workers.forEach(Thread::start);
    try {
      waitFor("every user served", () -> replies.size() >= 6);
      assertThat(replies).as("before the outage").allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      replies.clear();

      database.close();
      waitFor("readiness DOWN", () -> api.get("/actuator/health/readiness", null).status() == 503);
      waitFor("requests answered during the outage", () -> replies.size() >= 6);
      List<Api.Reply> duringOutage = List.copyOf(replies);

      long restarted = System.nanoTime();
      startDatabase();
      waitFor("readiness UP again", () -> api.get("/actuator/health/readiness", null).status() == 200);
      System.out.printf("database outage: ready again %d ms after the database restarted%n",
          (System.nanoTime() - restarted) / 1_000_000);
      replies.clear();
      waitFor("users served again", () -> replies.stream().filter(r -> r.status() == 200).count() >= 6);

      assertThat(duringOutage).as("no request failed as a server error")
          .allSatisfy(r -> assertThat(r.status()).isNotEqualTo(500));
      assertThat(duringOutage).filteredOn(r -> r.status() == 503).as("refused as unavailable, in Chinese")
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.body()).contains("数据库").doesNotContain("Exception", "errorId", "Hikari"));
      assertThat(duringOutage).as("every reply during the outage says so, or was served").allSatisfy(r ->
          assertThat(r.status()).isIn(200, 503));
    } finally {
      working.set(false);
      for (Thread worker : workers) {
        worker.join();
      }
    }

    // The job executor resumed by itself: a gate completed after the outage runs as a job without any help.
    String code = "OUTAGE-" + System.nanoTime();
    TaskDriver driver = node.getBean(TaskDriver.class);
    RuntimeService runtime = node.getBean(RuntimeService.class);
    TaskService tasks = node.getBean(TaskService.class);
    driver.as("staff1", () -> runtime.startProcessInstanceByKey("TitleReviewSession", code, Map.of(
        "sessionCode", code, "committeeCode", TestRegion.SENIOR, "level", "正高", "reviewYear", 2026,
        "plannedReviewStart", "2026-06-03", "plannedReviewEnd", "2026-06-05", "staffUserIds", "staff4")));
    Task eligibility = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("Task_ReviewEligibility").singleResult();
    driver.as("staff1", () -> {
      tasks.claim(eligibility.getId(), "staff1");
      tasks.complete(eligibility.getId(), Map.of("eligibilityReviewDone", true));
      return null;
    });
    JdbcClient jdbc = node.getBean(JdbcClient.class);
    waitFor("the eligibility gate run by the job executor", () -> jdbc.sql("""
        select count(*) from gate_result g join review_session s on s.id = g.session_id
        where s.code = ? and g.gate_key = 'eligibility'""").param(code).query(Long.class).single() == 1);
    assertThat(Refusal.DATABASE_UNAVAILABLE).contains("稍后重试");
  }

  private static void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
      sleep(200);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
