package cn.gx.titlereview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.barebench.BareCamundaApp;
import cn.gx.titlereview.demo.DemoSessionFiller;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 评审季: N sessions × M applicants, in parallel, through the REST API on PostgreSQL, as their people's clients
 * would drive them — each task found in the user's task list, claimed and completed over {@code /engine-rest}, the
 * data work done by {@code /api/demo/sessions/{code}/fill} — from the start form to the approving unit's
 * confirmation. In the same run, a bare Camunda app ({@link BareCamundaApp}, a JVM of its own on the same
 * PostgreSQL server) runs N instances of a process with as many user tasks, driven by the same client calls. Prints
 * sessions per minute, the CPU of the app and of the database, every REST call's times, each gate's time, the ratios
 * to the bare engine, and both apps' start-up.
 *
 * <p>Not part of {@code mvn verify}: {@code mvn verify -Pbenchmark -Dtest=SeasonBenchmarkTest
 * -Dseason.sessions=40 -Dseason.applicants=200 -Dseason.threads=4}. The session days follow the whole-session test
 * (the application's clock is set per phase, for all sessions at once; the engine's timers, dated in the past, are
 * due at once), so each phase ends when every session has reached it and the job executor is idle.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.mail.host=localhost", "spring.mail.port=3025", "titlereview.reminders.cron=-",
    "titlereview.archive.signing-key=${java.io.tmpdir}/archive-signing-key-test.pem",
    "titlereview.crypto.sm2-signing-key=${java.io.tmpdir}/sm2-signing-key-test.pem",
    "titlereview.transparency.checkpoint-directory=${java.io.tmpdir}/checkpoints-test",
    "titlereview.demo.applicants=${season.applicants:200}"})
@ActiveProfiles("demo")
class SeasonBenchmarkTest {

  static final int SESSIONS = Integer.getInteger("season.sessions", 8);
  static final int APPLICANTS = Integer.getInteger("season.applicants", 200);
  static final int THREADS = Integer.getInteger("season.threads", 4);
  static final int WARM_UP = Integer.getInteger("season.warmup", 2);
  static final boolean STARTUP = !Boolean.getBoolean("season.skipStartup");
  static final List<String> CHILD_JVM = List.of("-Xmx1g", "-Djava.io.tmpdir=target");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate REVIEW_START = LocalDate.of(2026, 6, 3);

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired ManagementService managementService;
  @Autowired SessionRepository sessions;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.jdbcUrl("season_app");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  /** One task completion as its user does it: the task found in their list, claimed unless assigned, completed. */
  record Step(String user, String task, boolean fill, boolean assigned, Map<String, Object> variables) {
  }

  /** The steps of one day of the session, at the application time they happen. */
  record Phase(String moment, List<Step> steps) {
  }

  static final List<Phase> SEASON = List.of(
      new Phase("2026-06-01T10:00", List.of(
          step("staff1", "Task_ReviewEligibility", true, "eligibilityReviewDone", true),
          step("staff1", "Task_ImportRoster", true, "rosterImported", true),
          step("supervisor1", "Task_ConfirmRosterAndPresence", false, "officialRosterTotal", DemoSessionFiller.ROSTER,
              "supervisorPresentAtDraw", "yes"),
          step("supervisor1", "Task_ConfirmDrawCommitment", false, "drawPhrase", "公平公正，随机抽取"),
          step("staff1", "Task_RecordExpertResponses", true, "expertResponsesRecorded", true),
          assigned("staff1", "Task_SignStaffPledge", "pledgeConfirmed", true),
          assigned("staff4", "Task_SignStaffPledge", "pledgeConfirmed", true),
          assigned("staff3", "Task_SignStaffPledge", "pledgeConfirmed", true),
          step("staff1", "Task_RecordTrainingAndExpertPledges", true, "trainingCoursewareWatched", "yes",
              "trainingPolicyAndSoftware", "yes", "expertPledgesRecorded", true),
          step("staff1", "Task_FormReviewGroups", true, "reviewGroupsFormed", true))),
      new Phase("2026-06-05T18:00", List.of(
          step("staff3", "Task_RecordVotes", true, "votesRecorded", true, "plenaryDeliberationHeld", "yes",
              "keyMinutesKept", "yes"),
          step("supervisor1", "Task_AttestDiscipline", false, SessionWalk.DISCIPLINE_KEPT),
          step("staff1", "Task_FirstRecheck", true, "recheckMode", "cross", "recheckUnit", "柳州市人社局",
              "firstRecheckDone", true),
          step("staff4", "Task_SecondRecheck", true, "secondRecheckDone", true),
          step("supervisor1", "Task_AssessRecheckers", false, "rechecksFit", "yes"))),
      new Phase("2026-06-06T09:00", List.of(publicity("2026-06-08"))),
      new Phase("2026-06-13T09:00", List.of(
          step("supervisor1", "Task_VerifyComplaints", false, "complaintsVerified", true),
          publicity("2026-06-15"))),
      new Phase("2026-06-23T09:00", List.of(
          step("supervisor1", "Task_VerifyComplaints", false, "complaintsVerified", true),
          step("staff1", "Task_UploadArchive", true, "archiveUploaded", true))),
      new Phase("2026-06-23T15:00", List.of(
          step("unithead1", "Task_UnitHeadSignRecord", false, "signConfirmed", true),
          step("supervisor1", "Task_SupervisorSignRecord", false, "signConfirmed", true))),
      new Phase("2026-06-24T10:00", List.of(
          step("approver1", "Task_SetSpotCheck", false, "spotCheckRatio", 10, "spotCheckPhrase", "核准单位抽查复核"),
          step("approver1", "Task_RecordSpotCheck", false, "spotCheckProblems", ""),
          step("approver1", "Task_ConfirmResults", false, "resultsConfirmed", "yes"))));

  static final int USER_TASKS = SEASON.stream().mapToInt(p -> p.steps().size()).sum();

  /** Client-side times of one run, by call, in nanoseconds. */
  static final class Timings {
    final Map<String, List<Long>> calls = new ConcurrentHashMap<>();
    final AtomicLong clientCpuNanos = new AtomicLong();

    void add(String call, long nanos) {
      calls.computeIfAbsent(call, c -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
    }

    List<Long> sorted(String call) {
      List<Long> values = new ArrayList<>(calls.getOrDefault(call, List.of()));
      values.sort(null);
      return values;
    }

    double medianMs(String call) {
      List<Long> v = sorted(call);
      return v.isEmpty() ? Double.NaN : v.get(v.size() / 2) / 1e6;
    }

    double p90Ms(String call) {
      List<Long> v = sorted(call);
      return v.isEmpty() ? Double.NaN : v.get(Math.min(v.size() - 1, (int) (v.size() * 0.9))) / 1e6;
    }

    double meanMs(String call) {
      return calls.getOrDefault(call, List.of()).stream().mapToLong(Long::longValue).average().orElse(Double.NaN)
          / 1e6;
    }
  }

  /** What one run measured. */
  record Run(String name, int sessions, long wallMillis, long appCpuMillis, long dbCpuMillis, Timings timings) {

    double sessionsPerMinute() {
      return sessions * 60_000.0 / wallMillis;
    }
  }

  @Test
  void aSeasonOfSessionsThroughTheRestApiBesideABareEngine() throws Exception {
    long postmaster = postmaster();
    Map<String, String> report = new LinkedHashMap<>();
    report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty(
        "java.version") + ", " + LocalDate.now());
    report.put("season", SESSIONS + " sessions × " + APPLICANTS + " applicants, " + THREADS + " client threads, "
        + USER_TASKS + " user tasks per session, " + WARM_UP + " warm-up sessions first (not counted)");

    Run bare;
    try (ChildJvm bareApp = ChildJvm.start("bare-season", BareCamundaApp.class.getName(), true, CHILD_JVM,
        bareArgs(EmbeddedPostgres.jdbcUrl("season_bare")))) {
      runBare(bareApp, postmaster, "warm-up", WARM_UP);
      bare = runBare(bareApp, postmaster, "bare", SESSIONS);
    }
    runApp(postmaster, "warm-up", WARM_UP);
    Run app = runApp(postmaster, "app", SESSIONS);

    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("== Season benchmark: " + report.get("season") + " ==");
    lines.add("Machine: " + report.get("machine"));
    lines.add(String.format("| %-44s | %14s | %14s | %7s |", "Measure", "App", "Bare engine", "Ratio"));
    lines.add("|---|---|---|---|");
    row(lines, "sessions (instances) per minute", app.sessionsPerMinute(), bare.sessionsPerMinute(), "%.1f");
    lines.add(String.format("| %-44s | %14s | %14s | %7s |", "300 sessions, extrapolated",
        String.format("%.1f min", 300 / app.sessionsPerMinute()), String.format("%.1f min",
            300 / bare.sessionsPerMinute()), ""));
    row(lines, "wall clock of the run, s", app.wallMillis() / 1000.0, bare.wallMillis() / 1000.0, "%.1f");
    row(lines, "app CPU, s (client threads excluded)", app.appCpuMillis() / 1000.0, bare.appCpuMillis() / 1000.0,
        "%.1f");
    row(lines, "PostgreSQL CPU, s", app.dbCpuMillis() / 1000.0, bare.dbCpuMillis() / 1000.0, "%.1f");
    row(lines, "app CPU per PostgreSQL CPU", (double) app.appCpuMillis() / Math.max(1, app.dbCpuMillis()),
        (double) bare.appCpuMillis() / Math.max(1, bare.dbCpuMillis()), "%.2f");
    row(lines, "app CPU per task completion, ms", (double) app.appCpuMillis() / (SESSIONS * USER_TASKS),
        (double) bare.appCpuMillis() / (SESSIONS * USER_TASKS), "%.1f");
    for (String call : List.of("completion (list + claim + complete)", "list", "claim", "complete", "start")) {
      row(lines, call + ", median ms", app.timings().medianMs(call), bare.timings().medianMs(call), "%.1f");
      row(lines, call + ", p90 ms", app.timings().p90Ms(call), bare.timings().p90Ms(call), "%.1f");
    }
    lines.add(String.format("| %-44s | %14.1f | %14s | %7s |", "fill (data work over /api), median ms",
        app.timings().medianMs("fill"), "–", ""));
    lines.add(String.format("| %-44s | %14.1f | %14s | %7s |", "waiting for the next task (gates), mean ms",
        app.timings().meanMs("wait"), "–", ""));
    lines.add("");
    lines.add("Gates (the service tasks' activity time in the engine's history, this run and the warm-up):");
    lines.add(String.format("| %-36s | %5s | %9s | %9s | %9s |", "service task", "runs", "median ms", "p90 ms",
        "max ms"));
    lines.add("|---|---|---|---|---|");
    new JdbcTemplate(dataSource).query("""
        select act_id_, count(*) n, percentile_cont(0.5) within group (order by duration_) med,
               percentile_cont(0.9) within group (order by duration_) p90, max(duration_) mx
        from act_hi_actinst where act_type_ = 'serviceTask' and end_time_ is not null
        group by act_id_ order by act_id_""", rs -> {
          lines.add(String.format("| %-36s | %5d | %9.0f | %9.0f | %9d |", rs.getString("act_id_"), rs.getInt("n"),
              rs.getDouble("med"), rs.getDouble("p90"), rs.getLong("mx")));
        });

    lines.add("");
    lines.add("Engine settings of the app in this run: " + engineSettings());
    managementService.reportDbMetricsNow();
    lines.add("Jobs in the app (warm-up included): " + JOB_METRICS.stream().map(m -> m + " "
        + managementService.createMetricsQuery().name(m).sum()).collect(Collectors.joining(", ")));

    if (STARTUP) {
      lines.add("");
      lines.add("Start-up to \"Started\" (Spring Boot's \"process running for\", s), each in a JVM of its own:");
      lines.add("| database | App | Bare engine | Ratio |");
      lines.add("|---|---|---|---|");
      for (String state : List.of("new", "existing")) {
        double appStart = startUp("app", state);
        double bareStart = startUp("bare", state);
        lines.add(String.format("| %s | %.1f | %.1f | %.2f |", state + " schema", appStart, bareStart,
            appStart / bareStart));
      }
    }
    lines.forEach(System.out::println);
    Files.write(Path.of("target", "benchmark-season.md"), lines);
  }

  static final List<String> JOB_METRICS = List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED);

  /** The settings the issue asks to measure one by one; run with -D to change one (see docs/performance.md). */
  private String engineSettings() {
    return Stream.of("camunda.bpm.history-level", "camunda.bpm.job-execution.core-pool-size",
            "camunda.bpm.job-execution.max-pool-size", "camunda.bpm.job-execution.max-jobs-per-acquisition",
            "camunda.bpm.job-execution.wait-time-in-millis", "camunda.bpm.job-execution.max-wait")
        .map(key -> key.substring("camunda.bpm.".length()) + "=" + environment.getProperty(key, "(Camunda's default)"))
        .collect(Collectors.joining(", "));
  }

  private static void row(List<String> lines, String measure, double app, double bare, String format) {
    lines.add(String.format("| %-44s | %14s | %14s | %7.2f |", measure, String.format(format, app),
        String.format(format, bare), app / bare));
  }

  // ---- the product -------------------------------------------------------------------------------------------

  private Run runApp(long postmaster, String name, int count) throws Exception {
    Timings t = new Timings();
    String prefix = "SEASON-" + name + "-" + System.nanoTime() % 1_000_000 + "-";
    List<String> codes = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    ThreadLocal<Api> apis = ThreadLocal.withInitial(() -> new Api(port));
    long clientThreadsBefore = httpClientThreadsCpu();
    long cpu0 = ProcessCpu.self();
    long db0 = ProcessCpu.tree(postmaster);
    long start = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try {
      boolean first = true;
      for (Phase phase : SEASON) {
        clock.set(phase.moment());
        boolean starting = first;
        parallel(clients, codes, code -> {
          Api api = apis.get();
          if (starting) {
            startSession(api, code, t);
          }
          phase.steps().forEach(step -> work(api, code, code, step.task(), step, t, true));
        }, t);
        awaitJobs();
        first = false;
      }
    } finally {
      clients.shutdown();
      clock.reset();
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    long db = ProcessCpu.tree(postmaster) - db0;
    long client = (t.clientCpuNanos.get() + httpClientThreadsCpu() - clientThreadsBefore) / 1_000_000;
    long cpu = ProcessCpu.self() - cpu0 - client;
    for (String code : codes) {
      assertThat(sessions.closure(sessions.getByCode(code).id())).as(code + " closed").get()
          .extracting(SessionRepository.Closure::outcome).isEqualTo("CONFIRMED");
    }
    return new Run(name, count, wall, cpu, db, t);
  }

  private void startSession(Api api, String code, Timings t) {
    long s = System.nanoTime();
    Api.Reply reply = api.postJson("/api/sessions", "staff1", """
        {"sessionCode":"%s","committeeCode":"IT-SENIOR","level":"正高","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":"staff4,staff3"}"""
        .formatted(code, REVIEW_START, REVIEW_START.plusDays(2)));
    t.add("start", System.nanoTime() - s);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  /** Waits until no job is due: the gates and timers the phase's completions started have run. */
  private void awaitJobs() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (managementService.createJobQuery().executable().count() > 0) {
      assertThat(System.currentTimeMillis()).as("jobs still due after 2 minutes").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  // ---- the bare engine ---------------------------------------------------------------------------------------

  private static List<String> bareArgs(String url) {
    return List.of("--spring.config.location=classpath:/bare/bare.yaml", "--spring.datasource.url=" + url,
        "--bare.user-tasks=" + USER_TASKS);
  }

  private Run runBare(ChildJvm bareApp, long postmaster, String name, int count) throws Exception {
    Timings t = new Timings();
    String prefix = "BARE-" + name + "-" + System.nanoTime() % 1_000_000 + "-";
    List<String> keys = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    List<Step> steps = SEASON.stream().flatMap(p -> p.steps().stream()).toList();
    ThreadLocal<Api> apis = ThreadLocal.withInitial(() -> new Api(bareApp.port));
    long clientThreadsBefore = httpClientThreadsCpu();
    long cpu0 = ProcessCpu.of(bareApp.pid());
    long db0 = ProcessCpu.tree(postmaster);
    long start = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try {
      parallel(clients, keys, key -> {
        Api api = apis.get();
        long s = System.nanoTime();
        Api.Reply started = api.postJson("/engine-rest/process-definition/key/" + BareCamundaApp.PROCESS + "/start",
            BareCamundaApp.USER, "{\"businessKey\":\"" + key + "\"}");
        t.add("start", System.nanoTime() - s);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        for (int i = 0; i < steps.size(); i++) {
          Step step = steps.get(i);
          work(api, key, null, "Task_" + (i + 1), new Step(BareCamundaApp.USER, "Task_" + (i + 1), false, false,
              step.variables()), t, false);
        }
      }, t);
    } finally {
      clients.shutdown();
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    long db = ProcessCpu.tree(postmaster) - db0;
    return new Run(name, count, wall, ProcessCpu.of(bareApp.pid()) - cpu0, db, t);
  }

  // ---- the client --------------------------------------------------------------------------------------------

  interface SessionWork {
    void run(String code) throws Exception;
  }

  /** Runs the work for every session on the client threads, counting the threads' CPU as the client's. */
  private static void parallel(ExecutorService clients, List<String> codes, SessionWork work, Timings t)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Future<?>> done = new ArrayList<>();
    for (String code : codes) {
      done.add(clients.submit(() -> {
        long cpu = threads.getCurrentThreadCpuTime();
        try {
          work.run(code);
        } finally {
          t.clientCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  /** The JDK HTTP client's own threads (its selector) work for the client too. */
  private static long httpClientThreadsCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(java.util.Objects::nonNull)
        .filter(i -> i.getThreadName().startsWith("HttpClient")).mapToLong(ThreadInfo::getThreadId)
        .map(threads::getThreadCpuTime).filter(n -> n > 0).sum();
  }

  /**
   * One completion: the task appears in the user's list (after the gate before it, which runs as a job), the data
   * work is done if the task needs it, the task is claimed (unless assigned) and completed.
   */
  private void work(Api api, String businessKey, String fillCode, String taskKey, Step step, Timings t,
      boolean product) {
    String list = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(businessKey,
        StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey + (step.assigned() ? "&assignee=" + step.user() : "");
    long waitStart = System.nanoTime();
    long deadline = waitStart + 120_000_000_000L;
    JsonNode tasks;
    long listNanos;
    while (true) {
      long s = System.nanoTime();
      Api.Reply reply = api.get(list, step.user());
      listNanos = System.nanoTime() - s;
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      tasks = read(reply.body());
      if (!tasks.isEmpty()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(businessKey + ": " + step.user() + " never saw " + taskKey);
      }
      sleep(20);
    }
    if (product) {
      t.add("wait", System.nanoTime() - waitStart - listNanos);
    }
    t.add("list", listNanos);
    String id = tasks.get(0).get("id").asText();
    if (step.fill()) {
      long s = System.nanoTime();
      Api.Reply filled = api.postJson("/api/demo/sessions/" + fillCode + "/fill", step.user(), "{}");
      t.add("fill", System.nanoTime() - s);
      assertThat(filled.status()).as(filled.body()).isEqualTo(200);
    }
    long claimNanos = 0;
    if (!step.assigned()) {
      long s = System.nanoTime();
      Api.Reply claimed = api.postJson("/engine-rest/task/" + id + "/claim", step.user(),
          "{\"userId\":\"" + step.user() + "\"}");
      claimNanos = System.nanoTime() - s;
      t.add("claim", claimNanos);
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    }
    long s = System.nanoTime();
    Api.Reply completed = api.postJson("/engine-rest/task/" + id + "/complete", step.user(),
        variables(step.variables()));
    long completeNanos = System.nanoTime() - s;
    t.add("complete", completeNanos);
    assertThat(completed.status()).as(taskKey + " " + completed.body()).isEqualTo(204);
    t.add("completion (list + claim + complete)", listNanos + claimNanos + completeNanos);
  }

  private static String variables(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
        value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
    try {
      return JSON.writeValueAsString(Map.of("variables", typed));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- start-up ----------------------------------------------------------------------------------------------

  private static int startups;

  /** One start of the app or the bare engine in a JVM of its own, on a new or an already used database. */
  private static double startUp(String which, String state) {
    String database = "startup_" + which;
    if (state.equals("new")) {
      database += "_" + (++startups) + "_" + System.nanoTime() % 100_000;
      lastDatabase.put(which, database);
    } else {
      database = lastDatabase.get(which);
    }
    String url = EmbeddedPostgres.jdbcUrl(database);
    List<String> args = which.equals("app")
        ? List.of("--spring.profiles.active=demo", "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
            "--titlereview.reminders.cron=-",
            "--titlereview.archive.signing-key=target/archive-signing-key-test.pem",
            "--titlereview.crypto.sm2-signing-key=target/sm2-signing-key-test.pem",
            "--titlereview.transparency.checkpoint-directory=target/checkpoints-test")
        : bareArgs(url);
    String main = which.equals("app") ? "cn.gx.titlereview.TitleReviewApplication" : BareCamundaApp.class.getName();
    try (ChildJvm child = ChildJvm.start("startup-" + which + "-" + state, main, !which.equals("app"), CHILD_JVM,
        args)) {
      return child.processRunningSeconds;
    }
  }

  private static final Map<String, String> lastDatabase = new ConcurrentHashMap<>();

  // ---- helpers -----------------------------------------------------------------------------------------------

  private long postmaster() {
    return ProcessCpu.embeddedPostmaster();
  }

  private static Step step(String user, String task, boolean fill, Object... variables) {
    return new Step(user, task, fill, false, vars(variables));
  }

  private static Step assigned(String user, String task, Object... variables) {
    return new Step(user, task, false, true, vars(variables));
  }

  private static Step publicity(String start) {
    return step("staff1", "Task_OpenPublicity", false, "publicityStart", start, "publicityEnd", "",
        "complaintChannel", "电话 0771-0000000；邮箱 jubao@example.invalid");
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
