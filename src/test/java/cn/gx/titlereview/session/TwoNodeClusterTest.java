package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.TitleReviewApplication;
import cn.gx.titlereview.demo.DemoSessionFiller;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application, two Spring contexts with their own job executors, on one PostgreSQL database: several
 * whole sessions run at once, every step done on the other node than the step before, the three staff members of each
 * session signing their 附件3 at the same moment on both nodes, the two rechecks of one session recorded together on
 * both, two complaints arriving together on both. Every gate and every publicity timer must run exactly once, every
 * signature, recheck and complaint must be taken, and no incident may be left. Then a node "dies" holding a gate's job, and the other node runs it once its lock expires.
 */
class TwoNodeClusterTest {

  private static final int SESSIONS = 3;
  private static final List<String> GATES = List.of("eligibility", "roster", "draw", "pledges", "review", "recheck",
      "publicity-1", "publicity-2", "archive", "record", "signatures");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** The review's days: the draw, the votes, publicity and signatures then fall on plausible days of June 2026. */
  private static final LocalDate REVIEW_START = LocalDate.of(2026, 6, 3);

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
    String url = EmbeddedPostgres.jdbcUrl("two_nodes");
    // One after the other, as a rolling start does: the first creates the schema and deploys, the second finds both.
    a = node("nodeA", url);
    b = node("nodeB", url);
  }

  private static Node node(String name, String url) {
    // As command-line arguments, which take precedence over application.yaml (server.port: ${PORT:8080}).
    ConfigurableApplicationContext context = new SpringApplicationBuilder(TitleReviewApplication.class)
        .profiles("demo")
        .run("--server.port=0",
            "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.job-execution.enabled=true",
            // the production lock time (application.yaml); an idle node looks for jobs every 2 s, not 15 s
            "--camunda.bpm.job-execution.max-wait=2000",
            "--titlereview.archive.signing-key=" + System.getProperty("java.io.tmpdir") + "/archive-signing-key-test.pem",
            "--camunda.bpm.webapp.enabled=" + EmbeddedPostgres.WEBAPPS,
            "--spring.main.banner-mode=off");
    return new Node(name, context);
  }

  @AfterAll
  static void stopNodes() {
    if (b != null) {
      b.context().close();
    }
    if (a != null) {
      a.context().close();
    }
  }

  @Test
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
  }

  /**
   * A node acquires a gate's job and dies before running it: its lock stays in the database. The other node takes the
   * job over once the lock expires (lock time, {@code camunda.bpm.job-execution.lock-time-in-millis}) and runs it once.
   */
  @Test
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
        .startProcessInstanceByKey("TitleReviewSession", Map.of("sessionCode", code, "committeeName",
            "广西工程系列高级职称评审委员会", "level", "正高", "series", "工程", "reviewYear", 2026,
            "organisingUnit", "广西壮族自治区人力资源和社会保障厅", "approvingUnit", "自治区职改办",
            "plannedReviewStart", REVIEW_START.toString(),
            "plannedReviewEnd", REVIEW_START.plusDays(2).toString(), "staffUserIds", "staff2,staff3")));
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
      step("staff2", "Task_SecondRecheck", true, "secondRecheckDone", true);
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

    /** The two rechecks recorded at the same moment: round 1 by staff1 on node A, round 2 by staff2 on node B. */
    private void rechecksAtOnce(List<String> replies) throws Exception {
      long sessionId = a.bean(SessionRepository.class).getByCode(code).id();
      String findings = a.bean(cn.gx.titlereview.recheck.RecheckService.class).passedApplicants(sessionId).stream()
          .map(applicant -> "{\"applicantNo\":\"" + applicant.applicantNo() + "\",\"problem\":false}")
          .collect(Collectors.joining(",", "[", "]"));
      together(replies, List.of(new Post(a, "staff1", "/recheck-findings?round=1", findings),
          new Post(b, "staff2", "/recheck-findings?round=2", findings)));
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
      List<String> staff = List.of("staff1", "staff2", "staff3");
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
