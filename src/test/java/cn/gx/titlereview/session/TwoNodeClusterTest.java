package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gx.titlereview.TitleReviewApplication;
import cn.gx.titlereview.archive.ArchivePackage;
import cn.gx.titlereview.demo.DemoSessionFiller;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestClock;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.support.WebappRuntime;
import cn.gx.titlereview.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application, two Spring contexts with their own job executors, on one PostgreSQL database: several
 * whole sessions run at once, every step done on the other node than the step before, the three staff members of each
 * session signing their 附件3 at the same moment on both nodes, the two rechecks of one session recorded together on
 * both, two complaints arriving together on both. Every gate and every publicity timer must run exactly once, every
 * signature, recheck and complaint must be taken, and no incident may be left. Then a node "dies" holding a gate's job, and the other node runs it once its lock expires.
 * The same two nodes then serve operations (docs/operations.md): a webapp login made on one node holds on the other
 * (sessions in the database), a backup of the database restores into a fresh one with every fact and signature, and
 * the history cleanup leaves a session inside its retention alone. The later tests use the sessions of the first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

  private static final int SESSIONS = 3;
  private static final List<String> GATES = List.of("eligibility", "roster", "draw", "pledges", "review", "recheck",
      "publicity-1", "publicity-2", "archive", "record", "signatures");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** The review's days: the draw, the votes, publicity and signatures then fall on plausible days of June 2026. */
  private static final LocalDate REVIEW_START = LocalDate.of(2026, 6, 3);
  private static final String DATABASE = "two_nodes";

  /** The sessions the first test ran to their end, for the backup and retention tests. */
  private static final List<String> finished = new ArrayList<>();
  /** A node on a restored copy of the database. */
  private static Node restored;

  private static Node a;
  private static Node b;
  /** The walks meet before each move of the application clock, which both nodes then make together. */
  private static CyclicBarrier phases;
  private static final AtomicReference<String> nextMoment = new AtomicReference<>();

  /** One node: its context and the beans a test drives it with. */
  private record Node(String name, ConfigurableApplicationContext context) {

    <T> T bean(Class<T> type) {
      return context.getBean(type);
    }

    int port() {
      return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    <T> T as(String user, java.util.concurrent.Callable<T> action) {
      return bean(TaskDriver.class).as(user, action);
    }
  }

  @BeforeAll
  static void startTwoNodes() {
    String url = EmbeddedPostgres.jdbcUrl(DATABASE);
    // One after the other, as a rolling start does: the first creates the schema and deploys, the second finds both.
    // With Tasklist, Cockpit and Admin, whose login must hold on either node (sessions in the database).
    a = node("nodeA", url, "camunda.bpm.webapp.enabled=true");
    b = node("nodeB", url, "camunda.bpm.webapp.enabled=true");
  }

  /** A node on the database; {@code settings} ("key=value") override the defaults below. */
  private static Node node(String name, String url, String... settings) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "postgres");
    properties.put("camunda.bpm.process-engine-name", name);
    properties.put("camunda.bpm.job-execution.enabled", "true");
    // the production lock time (application.yaml); an idle node looks for jobs every 2 s, not 15 s
    properties.put("camunda.bpm.job-execution.max-wait", "2000");
    // the same key file on every node, and in a restored installation: part of the backup (docs/operations.md)
    properties.put("titlereview.archive.signing-key",
        System.getProperty("java.io.tmpdir") + "/archive-signing-key-test.pem");
    properties.put("titlereview.crypto.sm2-signing-key",
        System.getProperty("java.io.tmpdir") + "/sm2-signing-key-test.pem");
    properties.put("titlereview.transparency.checkpoint-directory",
        System.getProperty("java.io.tmpdir") + "/checkpoints-test");
    properties.put("camunda.bpm.generic-properties.properties.historyCleanupEnabled", "false");
    properties.put("camunda.bpm.webapp.enabled", EmbeddedPostgres.WEBAPPS);
    properties.put("titlereview.reminders.cron", "-");
    properties.put("spring.main.banner-mode", "off");
    for (String setting : settings) {
      properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
    }
    // As command-line arguments, which take precedence over application.yaml (server.port: ${PORT:8080}).
    ConfigurableApplicationContext context = new SpringApplicationBuilder(TitleReviewApplication.class)
        .profiles("demo")
        .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    return new Node(name, context);
  }

  @AfterAll
  static void stopNodes() {
    ClockUtil.reset();
    WebappRuntime.close(restored == null ? null : restored.context(), b == null ? null : b.context(),
        a == null ? null : a.context());
  }

  @Test
  @Order(1)
  void sessionsRunOnTwoNodesAndEveryJobRunsOnce() throws Exception {
    long started = System.nanoTime();
    List<String> codes = new ArrayList<>();
    List<String> complaintReplies = Collections.synchronizedList(new ArrayList<>());
    List<String> recheckReplies = Collections.synchronizedList(new ArrayList<>());
    setClocks("2026-06-01T10:00");
    phases = new CyclicBarrier(SESSIONS, () -> {
      drainJobs();
      setClocks(nextMoment.get());
    });
    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    List<Future<?>> walks = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      String code = "TWO-NODES-" + i + "-" + System.nanoTime();
      codes.add(code);
      boolean withComplaints = i == 0;
      boolean withRechecks = i == 1;
      walks.add(pool.submit(() -> {
        new Walk(code).run(withComplaints ? complaintReplies : null, withRechecks ? recheckReplies : null);
        return null;
      }));
    }
    try {
      for (Future<?> walk : walks) {
        walk.get();
      }
    } finally {
      pool.shutdown();
      a.bean(TestClock.class).reset();
      b.bean(TestClock.class).reset();
    }
    System.out.printf("two nodes: %d whole sessions in %d s%n", SESSIONS, (System.nanoTime() - started) / 1_000_000_000);

    JdbcClient jdbc = a.bean(JdbcClient.class);
    HistoryService history = a.bean(HistoryService.class);
    for (String code : codes) {
      ReviewSession session = a.bean(SessionRepository.class).getByCode(code);
      Map<String, Long> gates = jdbc.sql("select gate_key from gate_result where session_id = ?").param(session.id())
          .query(String.class).list().stream().collect(Collectors.groupingBy(Function.identity(),
              Collectors.counting()));
      assertThat(gates).as(code + ": each gate ran exactly once")
          .containsOnlyKeys(GATES).allSatisfy((gate, runs) -> assertThat(runs).as(gate).isEqualTo(1));
      assertThat(history.createHistoricActivityInstanceQuery().activityId("Event_PublicityPeriodEnded").finished()
          .list().stream().filter(i -> businessKey(history, i.getProcessInstanceId()).equals(code)).count())
          .as(code + ": each publicity timer fired once").isEqualTo(2);
      assertThat(jdbc.sql("select count(*) from staff_pledge where session_id = ?").param(session.id())
          .query(Integer.class).single()).as(code + ": three signatures").isEqualTo(3);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
          .processDefinitionKey("TitleReviewSession").finished().count()).as(code + " ended").isEqualTo(1);
    }
    assertThat(complaintReplies).hasSize(2).allMatch(r -> r.startsWith("201"));
    assertThat(recheckReplies).hasSize(2).allMatch(r -> r.startsWith("200"));
    Map<String, Long> runsPerJob = history.createHistoricJobLogQuery().successLog().list().stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    assertThat(runsPerJob).as("jobs").isNotEmpty().allSatisfy((job, runs) -> assertThat(runs).as(job).isEqualTo(1));
    Map<String, Long> byNode = history.createHistoricJobLogQuery().successLog().list().stream()
        .collect(Collectors.groupingBy(l -> String.valueOf(l.getHostname()), Collectors.counting()));
    System.out.printf("two nodes: %d jobs, each run once; runs by host %s%n", runsPerJob.size(), byNode);
    assertThat(a.bean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
    finished.addAll(codes);
  }

  /**
   * A node acquires a gate's job and dies before running it: its lock stays in the database. The other node takes the
   * job over once the lock expires (lock time, {@code camunda.bpm.job-execution.lock-time-in-millis}) and runs it once.
   */
  @Test
  @Order(2)
  void aDeadNodesJobRunsOnTheOtherNodeOnceItsLockExpires() throws Exception {
    String code = "DEAD-NODE-" + System.nanoTime();
    ManagementService management = a.bean(ManagementService.class);
    start(a, code);
    Walk walk = new Walk(code);
    walk.fill(a, "staff1");
    Task eligibility = walk.await(a, "staff1", "Task_ReviewEligibility");
    // The dead node: it acquired the gate's job the moment it was created, and never ran it.
    management.suspendJobDefinitionByProcessDefinitionKey("SessionPreparation", false);
    try {
      walk.complete(a, eligibility, "staff1", "eligibilityReviewDone", true);
    } finally {
      management.activateJobDefinitionByProcessDefinitionKey("SessionPreparation", false);
    }
    Job gate = management.createJobQuery().processDefinitionKey("SessionPreparation").singleResult();
    long lockTime = Long.parseLong(a.context().getEnvironment()
        .getProperty("camunda.bpm.job-execution.lock-time-in-millis"));
    // It was acquired lockTime - 3 s ago: 3 s of its lock remain.
    Instant expires = Instant.now().plusSeconds(3);
    a.bean(JdbcClient.class).sql("update act_ru_job set lock_owner_ = ?, lock_exp_time_ = ? where id_ = ?")
        .params("dead-node", Timestamp.from(expires), gate.getId()).update();
    management.activateJobById(gate.getId());
    long sessionId = a.bean(SessionRepository.class).getByCode(code).id();
    Instant ran = null;
    while (ran == null && Instant.now().isBefore(expires.plusSeconds(30))) {
      ran = a.bean(JdbcClient.class).sql("select checked_at from gate_result where session_id = ?")
          .param(sessionId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
      Thread.sleep(100);
    }
    assertThat(ran).as("the gate ran after the dead node's lock expired").isNotNull()
        .isAfterOrEqualTo(expires.minusMillis(500));
    System.out.printf("dead node: lock time %d ms, 3 s of it left; the gate ran %d ms after the lock expired%n",
        lockTime, Duration.between(expires, ran).toMillis());
    assertThat(a.bean(HistoryService.class).createHistoricJobLogQuery().jobId(gate.getId()).successLog().count())
        .isEqualTo(1);
    walk.await(b, "staff1", "Task_ImportRoster");
  }

  /**
   * A user logs in on node A; the next requests of the same browser go to node B, as a proxy without sticky sessions
   * sends them: B knows the user (Spring Security's login, kept in the shared session table), Tasklist's API on B
   * answers with the webapps' authentication and takes the CSRF token A issued, our API on B needs no new login, and
   * logging out on B ends the session on A too. (Both contexts share the JVM's engine registry, so B's webapps reach
   * the engine named nodeA through the registry; the HTTP session, the login and the tokens are what is tested.)
   */
  @Test
  @Order(3)
  void aWebappLoginOnOneNodeHoldsOnTheOther() {
    WebappSession onA = WebappSession.logIn(a.port(), "staff1", "nodeA");
    String tasks = "/camunda/api/engine/engine/nodeA/task/count";
    assertThat(onA.get(tasks).status()).as("Tasklist's API on A").isEqualTo(200);
    WebappSession onB = onA.at(b.port());
    assertThat(onB.get(tasks).status()).as("Tasklist's API on B").isEqualTo(200);
    String who = "/camunda/api/admin/auth/user/nodeA";
    assertThat(onB.get(who)).satisfies(reply -> {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).contains("\"userId\":\"staff1\"");
    });
    assertThat(onB.post(tasks, "{}").status())
        .as("a POST to Tasklist's API on B with the CSRF token issued on A").isEqualTo(200);
    assertThat(onB.get("/api/archive/public-key").status()).as("our API on B, no new login").isEqualTo(200);
    assertThat(new Api(b.port()).get("/api/archive/public-key", null).status()).as("without the session")
        .isEqualTo(401);

    assertThat(onB.post(who + "/logout", "").status()).isEqualTo(200);
    assertThat(onA.get("/api/archive/public-key").status()).as("logged out on B, so on A too").isEqualTo(401);
  }

  /**
   * Backup and restore as docs/operations.md describes it: pg_dump of the running cluster's database, pg_restore into a
   * fresh database, the signing key file kept, the application started on the copy. Every table holds the same rows,
   * and each finished session's record (as JSON, signatures with their validity) and its archive package's
   * verification are unchanged.
   */
  @Test
  @Order(4)
  void aRestoredBackupKeepsEveryFact(@TempDir Path dir) throws Exception {
    assumeTrue(!finished.isEmpty(), "needs the finished sessions of the first test");
    ObjectMapper json = a.bean(ObjectMapper.class);
    Map<String, String> records = new LinkedHashMap<>();
    Map<String, byte[]> packages = new LinkedHashMap<>();
    for (String code : finished) {
      ReviewSession session = a.bean(SessionRepository.class).getByCode(code);
      RecordForm form = a.bean(RecordService.class).form(session);
      assertThat(form.signatures()).as(code + " signed").isNotEmpty().allMatch(RecordForm.SignatureView::valid);
      records.put(code, json.writeValueAsString(form));
      packages.put(code, a.bean(ArchivePackage.class).build(session, "staff1"));
    }
    Map<String, Long> rows = rowCounts(a);
    Path dump = dir.resolve("titlereview.dump");
    long started = System.nanoTime();
    String method = EmbeddedPostgres.dump(DATABASE, dump);
    String copy = EmbeddedPostgres.restore(dump, "restored_" + System.nanoTime());
    long dumpedAndRestored = System.nanoTime();
    // A node of its own on the copy, running no jobs, so that nothing moves while it is compared (and cleaned up below).
    restored = node("nodeC", copy, "camunda.bpm.job-execution.enabled=false");
    System.out.printf("backup (%s): dump %d KB, dump + restore %d ms, start on the copy %d ms%n", method,
        Files.size(dump) / 1024,
        (dumpedAndRestored - started) / 1_000_000, (System.nanoTime() - dumpedAndRestored) / 1_000_000);

    assertThat(rowCounts(restored)).as("every table, row for row").isEqualTo(rows);
    for (String code : finished) {
      ReviewSession session = restored.bean(SessionRepository.class).getByCode(code);
      assertThat(json.writeValueAsString(restored.bean(RecordService.class).form(session))).as(code + " record")
          .isEqualTo(records.get(code));
      assertThat(restored.bean(ArchivePackage.class).verify(new ByteArrayInputStream(packages.get(code))))
          .as(code + " archive package").isEmpty();
    }
  }

  /**
   * History cleanup keeps a session inside its retention: eleven years after its end (past the models' old time to
   * live of ten years) a cleanup run on the restored copy removes nothing of it; once its retention has run out, the
   * engine's history of it goes, and its own facts stay.
   */
  @Test
  @Order(5)
  void historyCleanupKeepsASessionInsideItsRetention() {
    assumeTrue(restored != null, "needs the restored copy of the fourth test");
    String code = finished.get(0);
    HistoryService history = restored.bean(HistoryService.class);
    HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("TitleReviewSession").singleResult();
    int years = Integer.parseInt(restored.context().getEnvironment().getProperty("titlereview.archive.retention-years"));
    ZonedDateTime ended = root.getEndTime().toInstant().atZone(PlatformConfig.ZONE);
    assertThat(root.getRemovalTime()).as("removal time = end + retention")
        .isEqualTo(Date.from(ended.plusYears(years).toInstant()));
    long instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count();
    long activities = history.createHistoricActivityInstanceQuery().processInstanceId(root.getId()).count();
    long tasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).count();
    Map<String, Long> rows = domainRows(rowCounts(restored));
    String record = restored.bean(RecordService.class).hash(restored.bean(SessionRepository.class).getByCode(code));
    try {
      ClockUtil.setCurrentTime(Date.from(ended.plusYears(11).toInstant()));
      cleanUp(restored);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count())
          .isEqualTo(instances);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(root.getId()).count())
          .isEqualTo(activities);
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(tasks);
      assertThat(domainRows(rowCounts(restored))).isEqualTo(rows);
      assertThat(restored.bean(RecordService.class).hash(restored.bean(SessionRepository.class).getByCode(code)))
          .isEqualTo(record);

      ClockUtil.setCurrentTime(Date.from(ended.plusYears(years).plusDays(1).toInstant()));
      cleanUp(restored);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count())
          .as("the engine's history after the retention").isZero();
      assertThat(domainRows(rowCounts(restored))).as("the session's own facts").isEqualTo(rows);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Runs the engine's history cleanup now, as its nightly job would, until a run removes nothing more. (The copy's
   * node started with the cleanup off, as every test node does, so that its start changed no row; it is switched on
   * here.)
   */
  private static void cleanUp(Node node) {
    ((ProcessEngineConfigurationImpl) node.bean(ProcessEngine.class).getProcessEngineConfiguration())
        .setHistoryCleanupEnabled(true);
    HistoryService history = node.bean(HistoryService.class);
    ManagementService management = node.bean(ManagementService.class);
    long before = -1;
    for (int run = 0; run < 50; run++) {
      long rows = rowCounts(node).entrySet().stream().filter(t -> t.getKey().startsWith("act_hi_")
          && !t.getKey().equals("act_hi_job_log") && !t.getKey().equals("act_hi_op_log"))
          .mapToLong(Map.Entry::getValue).sum();
      if (rows == before) {
        return;
      }
      before = rows;
      management.executeJob(history.cleanUpHistoryAsync(true).getId());
    }
  }

  /**
   * The row count of every table of the database, but the engine's metrics (each node flushes its counters there every
   * 15 minutes, whenever that falls).
   */
  private static Map<String, Long> rowCounts(Node node) {
    JdbcClient jdbc = node.bean(JdbcClient.class);
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' "
        + "and table_type = 'BASE TABLE' and table_name <> 'act_ru_meter_log'").query(String.class).list()) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  /** Our own tables' counts: without the engine's (act_) and the browser sessions. */
  private static Map<String, Long> domainRows(Map<String, Long> counts) {
    Map<String, Long> domain = new java.util.TreeMap<>(counts);
    domain.keySet().removeIf(t -> t.startsWith("act_") || t.startsWith("spring_session"));
    return domain;
  }

  private static String businessKey(HistoryService history, String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  private static void setClocks(String moment) {
    a.bean(TestClock.class).set(moment);
    b.bean(TestClock.class).set(moment);
  }

  /** The gates and timers of the days before have run (on either node) before the clock moves on. */
  private static void drainJobs() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    ManagementService jobs = a.bean(ManagementService.class);
    while (jobs.createJobQuery().executable().count() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void start(Node node, String code) {
    node.as("staff1", () -> node.bean(org.camunda.bpm.engine.RuntimeService.class)
        .startProcessInstanceByKey("TitleReviewSession", Map.of("sessionCode", code, "committeeCode",
            TestRegion.SENIOR, "level", "正高", "reviewYear", 2026, "plannedReviewStart", REVIEW_START.toString(),
            "plannedReviewEnd", REVIEW_START.plusDays(2).toString(), "staffUserIds", "staff4,staff3")));
  }

  /** A request to one node's API, as a user, on the session's path. */
  private record Post(Node node, String user, String path, String json) {
  }

  /** One session, walked from start to confirmation; each step on the other node than the one before. */
  private static final class Walk {

    private final String code;
    private final AtomicInteger steps = new AtomicInteger();

    Walk(String code) {
      this.code = code;
    }

    private Node next() {
      return steps.getAndIncrement() % 2 == 0 ? a : b;
    }

    void run(List<String> complaintReplies, List<String> recheckReplies) throws Exception {
      start(next(), code);
      step("staff1", "Task_ReviewEligibility", true, "eligibilityReviewDone", true);
      step("staff1", "Task_ImportRoster", true, "rosterImported", true);
      step("supervisor1", "Task_ConfirmRosterAndPresence", false, "officialRosterTotal", DemoSessionFiller.ROSTER,
          "supervisorPresentAtDraw", "yes");
      step("supervisor1", "Task_ConfirmDrawCommitment", false, "drawPhrase", "公平公正，随机抽取");
      step("staff1", "Task_RecordExpertResponses", true, "expertResponsesRecorded", true);
      pledgesAtOnce();
      step("staff1", "Task_RecordTrainingAndExpertPledges", true, "trainingCoursewareWatched", "yes",
          "trainingPolicyAndSoftware", "yes", "expertPledgesRecorded", true);
      step("staff1", "Task_FormReviewGroups", true, "reviewGroupsFormed", true);
      phase("2026-06-05T18:00");
      step("staff3", "Task_RecordVotes", true, "votesRecorded", true, "plenaryDeliberationHeld", "yes",
          "keyMinutesKept", "yes");
      step("supervisor1", "Task_AttestDiscipline", false, SessionWalk.DISCIPLINE_KEPT);
      if (recheckReplies != null) {
        await(a, "staff1", "Task_FirstRecheck");
        rechecksAtOnce(recheckReplies);
      }
      step("staff1", "Task_FirstRecheck", true, "recheckMode", "cross", "recheckUnit", "柳州市人社局",
          "firstRecheckDone", true);
      step("staff4", "Task_SecondRecheck", true, "secondRecheckDone", true);
      step("supervisor1", "Task_AssessRecheckers", false, "rechecksFit", "yes");
      // Publicity in June 2026, long past for the engine: each round's timer is due at once, on whichever node.
      phase("2026-06-06T09:00");
      step("staff1", "Task_OpenPublicity", false, "publicityStart", "2026-06-08", "publicityEnd", "",
          "complaintChannel", "电话 0771-0000000");
      if (complaintReplies != null) {
        await(a, "supervisor1", "Task_VerifyComplaints");
        complaintsAtOnce(complaintReplies);
      }
      phase("2026-06-13T09:00");
      step("supervisor1", "Task_VerifyComplaints", false, "complaintsVerified", true);
      step("staff1", "Task_OpenPublicity", false, "publicityStart", "2026-06-15", "publicityEnd", "",
          "complaintChannel", "电话 0771-0000000");
      phase("2026-06-23T09:00");
      step("supervisor1", "Task_VerifyComplaints", false, "complaintsVerified", true);
      step("staff1", "Task_UploadArchive", true, "archiveUploaded", true);
      phase("2026-06-23T15:00");
      step("unithead1", "Task_UnitHeadSignRecord", false, "signConfirmed", true);
      step("supervisor1", "Task_SupervisorSignRecord", false, "signConfirmed", true);
      phase("2026-06-24T10:00");
      step("approver1", "Task_SetSpotCheck", false, "spotCheckRatio", 10, "spotCheckPhrase", "核准单位抽查复核");
      step("approver1", "Task_RecordSpotCheck", false, "spotCheckProblems", "");
      step("approver1", "Task_ConfirmResults", false, "resultsConfirmed", "yes");
      Node node = next();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (node.bean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
          .processDefinitionKey("TitleReviewSession").finished().count() == 0) {
        assertThat(System.nanoTime()).as(code + " ends").isLessThan(deadline);
        Thread.sleep(100);
      }
    }

    /** Waits for the other sessions, then the clock of both nodes moves on to the moment. */
    void phase(String moment) throws Exception {
      nextMoment.set(moment);
      phases.await(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The task appears (after the gate before it ran, on either node), the filler does its data work, it is done. */
    void step(String user, String taskKey, boolean fill, Object... variables) throws InterruptedException {
      Node node = next();
      Task task = await(node, user, taskKey);
      if (fill) {
        fill(node, user);
      }
      complete(node, task, user, variables);
    }

    void fill(Node node, String user) {
      node.as(user, () -> node.bean(DemoSessionFiller.class)
          .fill(node.bean(SessionRepository.class).getByCode(code), user));
    }

    void complete(Node node, Task task, String user, Object... variables) {
      node.as(user, () -> {
        TaskService tasks = node.bean(TaskService.class);
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), user);
        }
        tasks.complete(task.getId(), TaskDriver.vars(variables));
        return null;
      });
    }

    Task await(Node node, String user, String taskKey) throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (true) {
        List<Task> open = node.as(user, () -> node.bean(TaskService.class).createTaskQuery()
            .processInstanceBusinessKey(code).taskDefinitionKey(taskKey).list());
        if (!open.isEmpty()) {
          return open.get(0);
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(code + ": " + taskKey + " did not appear for " + user + "; open: "
              + node.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code).list().stream()
              .map(t -> t.getTaskDefinitionKey() + " " + node.bean(TaskService.class).getVariable(t.getId(),
                  "gateViolations")).toList() + "; incidents: "
              + node.bean(RuntimeService.class).createIncidentQuery().list().stream()
              .map(i -> i.getIncidentMessage()).toList());
        }
        Thread.sleep(50);
      }
    }

    /** The two rechecks recorded at the same moment: round 1 by staff1 on node A, round 2 by staff4 on node B. */
    private void rechecksAtOnce(List<String> replies) throws Exception {
      long sessionId = a.bean(SessionRepository.class).getByCode(code).id();
      String findings = a.bean(cn.gx.titlereview.recheck.RecheckService.class).passedApplicants(sessionId).stream()
          .map(applicant -> "{\"applicantNo\":\"" + applicant.applicantNo() + "\",\"problem\":false}")
          .collect(Collectors.joining(",", "[", "]"));
      together(replies, List.of(new Post(a, "staff1", "/recheck-findings?round=1", findings),
          new Post(b, "staff4", "/recheck-findings?round=2", findings)));
    }

    /** The requests sent at the same moment, each from its own thread; their statuses and bodies kept. */
    private void together(List<String> replies, List<Post> posts) throws Exception {
      CyclicBarrier start = new CyclicBarrier(posts.size());
      ExecutorService senders = Executors.newFixedThreadPool(posts.size());
      List<Future<?>> sent = new ArrayList<>();
      for (Post post : posts) {
        sent.add(senders.submit(() -> {
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + post.node().port()
                  + "/api/sessions/" + code + post.path()))
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((post.user() + ":demo")
                  .getBytes(StandardCharsets.UTF_8)))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(post.json())).build();
          start.await();
          HttpResponse<String> response = HttpClient.newHttpClient().send(request,
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          replies.add(response.statusCode() + " " + response.body());
          return null;
        }));
      }
      for (Future<?> s : sent) {
        s.get();
      }
      senders.shutdown();
    }

    /** The three staff members sign their own 附件3 at the same moment, two on node A, one on node B. */
    private void pledgesAtOnce() throws Exception {
      List<String> staff = List.of("staff1", "staff4", "staff3");
      CyclicBarrier together = new CyclicBarrier(staff.size());
      ExecutorService signers = Executors.newFixedThreadPool(staff.size());
      List<Future<?>> signatures = new ArrayList<>();
      for (int i = 0; i < staff.size(); i++) {
        String user = staff.get(i);
        Node node = i % 2 == 0 ? a : b;
        signatures.add(signers.submit(() -> {
          Task own = awaitAssigned(node, user);
          together.await();
          complete(node, own, user, "pledgeConfirmed", true);
          return null;
        }));
      }
      for (Future<?> signature : signatures) {
        signature.get();
      }
      signers.shutdown();
    }

    private Task awaitAssigned(Node node, String user) throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (true) {
        Task own = node.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code)
            .taskDefinitionKey("Task_SignStaffPledge").taskAssignee(user).singleResult();
        if (own != null) {
          return own;
        }
        assertThat(System.nanoTime()).as(code + ": " + user + "'s pledge").isLessThan(deadline);
        Thread.sleep(50);
      }
    }

    /** Two complaints registered at the same moment, one on each node, through the API; then both verified. */
    private void complaintsAtOnce(List<String> replies) throws Exception {
      together(replies, List.of(
          new Post(a, "staff1", "/complaints", "{\"channel\":\"电话\",\"content\":\"来自 nodeA 的举报\"}"),
          new Post(b, "staff1", "/complaints", "{\"channel\":\"电话\",\"content\":\"来自 nodeB 的举报\"}")));
      for (int i = 0; i < 2; i++) {
        step("supervisor1", "Task_VerifyComplaint", false, "complaintSubstantiated", "no", "complaintFinding",
            "经核实，反映的问题不属实");
      }
    }
  }
}
