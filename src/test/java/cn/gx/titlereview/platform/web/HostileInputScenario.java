package cn.gx.titlereview.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.library.AttendanceHistory;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.library.ExpertColumns;
import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ColumnWidths;
import cn.gx.titlereview.platform.importing.ImportLimits;
import cn.gx.titlereview.preparation.ApplicantImportService;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.RecusalReasons;
import cn.gx.titlereview.review.RecusalService;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.RawHttp;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.training.ExpertPledgeService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #13: hostile input never gets a 500, never a library's English, never a write, never an exhausted heap. A
 * generated corpus of bad requests ({@link BadInputCorpus}) goes to every import, upload and verification endpoint of
 * the real application; then a few huge bodies and zip bombs, streamed, while the heap is measured. Run on H2 and on
 * PostgreSQL by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputScenario {

  /** What only a library or a stack trace would say. */
  private static final Pattern LIBRARY_TEXT = Pattern.compile("(?i)exception|org\\.apache|com\\.fasterxml|java\\.|"
      + "jakarta\\.|springframework|invalid utf|unexpected (character|end)|\\bat [a-z]+\\.[a-z]|whitelabel|"
      + "internal server error|ENGINE-\\d");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @LocalServerPort int port;
  @Autowired TestData data;
  @Autowired TestRegion region;
  @Autowired SessionWalk walk;
  @Autowired ColumnWidths widths;
  @Autowired ImportLimits limits;
  @Autowired JdbcClient jdbc;
  @Value("${camunda.bpm.process-engine-name:default}") String engine;

  private final HttpClient http = HttpClient.newHttpClient();
  private String fresh;
  private String voting;
  private String inspection;

  /** A fresh session (applicants, roster), one walked to its votes (every later import), an open inspection. */
  @BeforeAll
  void sessions() {
    fresh = data.session("正高").code();
    voting = "HOSTILE-" + getClass().getSimpleName() + "-" + System.nanoTime();
    walk.start(voting, "staff4,staff3");
    walk.toVotes(voting);
    // attendance at the review and the votes, as staff3 (who then may not recheck): every import validates its file
    walk.fill(voting, "staff3");
    Api.Reply opened = new Api(port).postJson("/api/inspections", "approver1", """
        {"sessionCode":"%s","means":["查阅资料"],"trigger":"ROUTINE"}""".formatted(fresh));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    inspection = opened.body().replaceAll("(?s).*\"inspection\":\\{\"id\":(\\d+).*", "$1");
  }

  @Test
  void everyBadRequestIsRefusedInChineseAndWritesNothing() {
    List<BadInputCorpus.Probe> probes = corpus().probes();
    Map<String, Long> before = rowCounts();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Long> slowest = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (BadInputCorpus.Probe probe : probes) {
      long sent = System.nanoTime();
      Reply reply = send(probe);
      slowest.merge(probe.kind().replaceAll("（.*", ""), (System.nanoTime() - sent) / 1_000_000, Long::sum);
      statuses.merge(reply.status(), 1, Integer::sum);
      String fault = fault(probe, reply);
      if (fault != null) {
        failures.add(probe + " → " + reply.status() + " " + abbreviate(reply.body()) + "：" + fault);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("%s: bad-input corpus of %d requests in %d ms, statuses %s%n", getClass().getSimpleName(),
        probes.size(), millis, statuses);
    slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
        .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue() + " ms"));
    assertThat(failures).as("refusals that are not 4xx in Chinese naming the column").isEmpty();
    assertThat(probes).hasSizeGreaterThanOrEqualTo(500);
    assertThat(rowCounts()).as("rows of our tables after the corpus").isEqualTo(before);
    stillAnswers();
  }

  /** What no controller answers goes to Spring's error path, which answers in Chinese too. */
  @Test
  void theErrorPathAnswersInChinese() {
    Api api = new Api(port);
    for (String path : List.of("/api/no-such-endpoint", "/api/sessions/%2e%2e/applicants",
        "/api/sessions/a;jsessionid=x/applicants", "/sessions/%00/record")) {
      Api.Reply reply = api.get(path, "staff1");
      assertThat(reply.status()).as(path + " " + reply.body()).isBetween(400, 499);
      assertThat(reply.body()).as(path).containsPattern(CHINESE).doesNotContainPattern(LIBRARY_TEXT);
    }
  }

  @Test
  void hugeBodiesAndZipBombsAreRefusedInBoundedMemory() throws Exception {
    Map<String, Long> before = rowCounts();
    String applicants = "/api/sessions/" + fresh + "/applicants";
    long limit = 25L << 20;
    List<String> lines = new ArrayList<>();
    // A JSON body that declares 700 MB: refused before a byte of it is read.
    lines.add(measured("700 MB JSON body, Content-Length declared", 413, 16L << 20, () -> RawHttp.post(port,
        applicants, "staff1", "application/json", 700L << 20, utf8("[{\"name\":\""), (byte) 'a', utf8("\"}]"), true)));
    // Chunked, no length: read up to the limit, then refused.
    lines.add(measured("40 MB JSON import, chunked", 413, 3 * limit, () -> RawHttp.post(port,
        "/api/sessions/" + fresh + "/roster", "staff1", "application/json", 40L << 20, utf8("["), (byte) ' ',
        utf8("]"), false)));
    lines.add(measured("40 MB JSON request body, chunked", 413, 3 * limit, () -> RawHttp.post(port,
        "/api/sessions/" + voting + "/review-groups", "staff1", "application/json", 40L << 20,
        utf8("{\"groups\":["), (byte) ' ', utf8("]}"), false)));
    lines.add(measured("40 MB JSON to the engine's REST API, chunked", 413, 3 * limit, () -> RawHttp.post(port,
        "/engine-rest/engine/" + engine + "/process-definition/key/RegisterComplaint/start", "staff1", "application/json", 40L << 20,
        utf8("{\"variables\":{"), (byte) ' ', utf8("}}"), false)));
    byte[] head = BadInputCorpus.multipart("file", "会议记录.pdf", new byte[0]);
    byte[] partHead = Arrays.copyOf(head, head.length - ("\r\n--" + BadInputCorpus.BOUNDARY + "--\r\n").length());
    lines.add(measured("30 MB multipart upload, chunked", 413, 3 * limit, () -> RawHttp.post(port,
        "/api/sessions/" + fresh + "/archive/MINUTES", "staff1", BadInputCorpus.multipartType(), 30L << 20,
        partHead, (byte) 'x', utf8("\r\n--" + BadInputCorpus.BOUNDARY + "--\r\n"), false)));
    // Zip bombs: an .xlsx whose sheet inflates to 1 GB; an archive package of 200 MB of zeros.
    byte[] xlsxBomb = BadInputCorpus.xlsxBomb();
    lines.add(measured(".xlsx bomb (" + xlsxBomb.length / 1024 + " KB, 1 GB inflated)", 400, 64L << 20,
        () -> asReply(new Api(port).postFile(applicants, "staff1", "名单.xlsx", xlsxBomb))));
    byte[] zipBomb = BadInputCorpus.zipBomb();
    lines.add(measured("archive zip bomb (" + zipBomb.length / 1024 + " KB, 200 MB inflated)", 400, 64L << 20,
        () -> asReply(new Api(port).postBytes("/api/archive/verify", "staff1", "application/zip", zipBomb))));
    // The spreadsheet limits: one row past the row limit.
    byte[] rows = BadInputCorpus.manyRows(ApplicantImportService.COLUMNS.stream().map(Column::header).toList(),
        limits.getMaxRows() + 1);
    lines.add(measured((limits.getMaxRows() + 1) + " rows (" + rows.length / 1024 + " KB)", 400, 512L << 20,
        () -> asReply(new Api(port).postFile(applicants, "staff1", "名单.xlsx", rows))));
    lines.forEach(System.out::println);
    assertThat(rowCounts()).isEqualTo(before);
    stillAnswers();
  }

  /**
   * Runs one request and checks its answer; returns a line with what the whole JVM allocated meanwhile (an upper bound
   * on what the request could have held) and the heap's peak. Allocation is asserted below {@code maxAllocated}.
   */
  private String measured(String what, int status, long maxAllocated, Callable<RawHttp.Reply> request)
      throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long usedBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long allocatedBefore = allocatedByAllThreads();
    long started = System.nanoTime();
    RawHttp.Reply reply = request.call();
    long millis = (System.nanoTime() - started) / 1_000_000;
    long allocated = allocatedByAllThreads() - allocatedBefore;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(status);
    assertThat(reply.body()).as(what).containsPattern(CHINESE).doesNotContainPattern(LIBRARY_TEXT);
    assertThat(allocated).as(what + ": bytes allocated while refusing").isLessThan(maxAllocated);
    return String.format("%s: %d %s in %d ms; allocated %.1f MB, heap before %.0f MB, peak %.0f MB (of %.0f MB)",
        what, reply.status(), abbreviate(reply.body()), millis, allocated / 1048576.0, usedBefore / 1048576.0,
        peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static RawHttp.Reply asReply(Api.Reply reply) {
    return new RawHttp.Reply(reply.status(), reply.body());
  }

  /** Bytes allocated so far by the live threads: an upper bound on what the heap grew by meanwhile. */
  private static long allocatedByAllThreads() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
  }

  private BadInputCorpus corpus() {
    BadInputCorpus corpus = new BadInputCorpus(widths::of);
    String f = "/api/sessions/" + fresh;
    String v = "/api/sessions/" + voting;
    List.of(table("申报人员", f + "/applicants", "staff1", ApplicantImportService.class),
        new BadInputCorpus.Table("评委名册", f + "/roster", "staff1", ExpertColumns.ROSTER),
        table("评委出席历史", f + "/attendance-history", "staff1", AttendanceHistory.class),
        table("评委答复", v + "/draw/responses", "staff1", ExpertDrawService.class),
        table("专家工作守则", v + "/expert-pledges", "staff1", ExpertPledgeService.class),
        table("回避", v + "/recusals", "staff1", RecusalService.class),
        table("回避申报说明", v + "/recusal-declarations", "staff1", RecusalReasons.class),
        table("评审出席", v + "/attendance?event=REVIEW", "staff1", AttendanceService.class),
        table("表决结果", v + "/votes", "staff1", ReviewService.class),
        table("评审时间", v + "/review-times", "staff1", ReviewTimes.class),
        table("复核结果", v + "/recheck-findings?round=1", "staff1", RecheckService.class),
        table("督查问题清单", "/api/inspections/" + inspection + "/findings", "approver1", InspectionService.class),
        new BadInputCorpus.Table("评委会专家库", "/api/committees/" + region.committee("测试评委会", "正高").code()
            + "/library/preview", "staff1", ExpertColumns.LIBRARY))
        .forEach(corpus::table);
    corpus.documents("归档材料", f + "/archive/MINUTES", "staff1", "document");
    corpus.documents("附件2 扫描件", v + "/expert-pledges/ZJ-NONE/scan", "staff1", "document");
    corpus.verification(new BadInputCorpus.Target("归档包核验", "/api/archive/verify", "staff1"));
    String longName = "组".repeat(widths.of("review_group.name") + 1);
    corpus.requestBody(new BadInputCorpus.Target("评议组方案", v + "/review-groups", "staff1"), Map.of(
        "空对象", "{}", "groups 为空", "{\"groups\":[]}", "groups 含 null", "{\"groups\":[null]}",
        "组名含 NUL", "{\"groups\":[{\"name\":\"甲\\u0000\",\"members\":[]}]}",
        "组名超过列宽", "{\"groups\":[{\"name\":\"" + longName + "\",\"members\":[]}]}",
        "组名是对象", "{\"groups\":[{\"name\":{\"a\":1}}]}", "groups 是字符串", "{\"groups\":\"x\"}",
        "assignments 含 null", "{\"groups\":[{\"name\":\"甲\",\"members\":[null]}],\"assignments\":[null]}"));
    String content = "诉".repeat(widths.of("complaint.content") + 1);
    corpus.requestBody(new BadInputCorpus.Target("信访件", v + "/complaints", "staff1"), Map.of(
        "空对象", "{}", "内容含 NUL", "{\"channel\":\"电话\",\"content\":\"甲\\u0000\"}",
        "渠道含控制字符", "{\"channel\":\"电\\u001b话\",\"content\":\"甲\"}",
        "申报编号含不成对的代理项", "{\"channel\":\"电话\",\"content\":\"甲\",\"applicantNo\":\"\\ud800\"}",
        "内容超过列宽", "{\"channel\":\"电话\",\"content\":\"" + content + "\"}",
        "渠道超过列宽", "{\"channel\":\"" + "渠".repeat(widths.of("complaint.channel") + 1) + "\",\"content\":\"甲\"}",
        "申报编号超过列宽", "{\"channel\":\"电话\",\"content\":\"甲\",\"applicantNo\":\""
            + "S".repeat(widths.of("complaint.applicant_no") + 1) + "\"}",
        "类型不符", "{\"channel\":1,\"content\":[1]}"));
    corpus.jsonDocument(new BadInputCorpus.Target("记录表调整版", "/api/record-forms", "approver1"), Map.of(
        "名称含 NUL", "{\"committeeName\":\"甲\\u0000\",\"level\":\"中级\",\"label\":\"x\",\"changes\":[]}",
        "名称超过列宽", "{\"committeeName\":\"" + "委".repeat(widths.of("record_form_version.committee_name") + 1)
            + "\",\"level\":\"中级\",\"label\":\"x\",\"changes\":[{\"op\":\"reword\",\"item\":\"x\",\"text\":\"y\"}]}",
        "changes 是对象", "{\"committeeName\":\"甲\",\"level\":\"中级\",\"label\":\"x\",\"changes\":{}}",
        "字段类型不符", "{\"committeeName\":[1],\"selfManaged\":\"也许\"}"));
    corpus.jsonDocument(new BadInputCorpus.Target("离线抽取结果", v + "/draw/offline-result", "staff1"), Map.of(
        "短语含 NUL", "{\"phrase\":\"甲\\u0000\",\"seedHex\":\"00\"}",
        "短语超过列宽", "{\"phrase\":\"" + "短".repeat(300) + "\"}", "orders 类型不符", "{\"orders\":[1,2]}"));
    return corpus;
  }

  private static BadInputCorpus.Table table(String name, String path, String user, Class<?> service) {
    List<Column> columns = BadInputCorpus.columnsOf(service);
    assertThat(columns).as(service.getSimpleName() + " declares its columns").isNotEmpty();
    return new BadInputCorpus.Table(name, path, user, columns);
  }

  /** Why the answer is wrong, or null. */
  private static String fault(BadInputCorpus.Probe probe, Reply reply) {
    boolean verification = probe.path().startsWith("/api/archive/verify");
    if (reply.status() >= 500 || !verification && (reply.status() < 400 || reply.status() >= 500)) {
      return "状态码应为 4xx";
    }
    if (!CHINESE.matcher(reply.body()).find()) {
      return "没有中文说明";
    }
    if (LIBRARY_TEXT.matcher(reply.body()).find()) {
      return "含有程序库或异常的原文";
    }
    if (verification && reply.status() == 200 && !reply.body().contains("\"valid\":false")) {
      return "坏的归档包不应通过核验";
    }
    if (probe.column() != null && !reply.body().contains("「" + probe.column() + "」")) {
      return "没有指明列「" + probe.column() + "」";
    }
    return null;
  }

  private record Reply(int status, String body) {
  }

  private Reply send(BadInputCorpus.Probe probe) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString((probe.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    if (probe.contentType() != null) {
      request.header("Content-Type", probe.contentType());
    }
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(599, "连接失败：" + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Rows of every table of ours (not the engine's, not Flyway's). The import journal keeps refused uploads on
   * purpose, so only its accepted entries count here.
   */
  private Map<String, Long> rowCounts() {
    List<String> tables = jdbc.sql("""
            select lower(table_name) from information_schema.tables
            where table_schema = current_schema and table_type in ('BASE TABLE', 'TABLE')""")
        .query(String.class).list().stream()
        .filter(t -> !t.startsWith("act_") && !t.equals("title_review_schema_history")).sorted().toList();
    Map<String, Long> counts = new LinkedHashMap<>();
    // The audit trail records logins (a password checked again once the credential cache expired): not a write.
    tables.forEach(t -> counts.put(t, jdbc.sql("select count(*) from " + t
        + (t.equals("import_journal") ? " where accepted" : "")
        + (t.equals("audit_entry") ? " where kind not in ('LOGIN', 'LOGIN_FAILED', 'LOGOUT')" : ""))
        .query(Long.class).single()));
    assertThat(counts).containsKeys("applicant", "expert", "archive_file", "import_batch");
    return counts;
  }

  /** After all that, the application still works: it reads, and it accepts a good import. */
  private void stillAnswers() {
    Api api = new Api(port);
    assertThat(api.get("/api/sessions/" + fresh, "staff1").status()).isEqualTo(200);
    Api.Reply imported = api.postJson("/api/sessions/" + fresh + "/applicants", "staff1", """
        [{"applicantNo":"SB0001","name":"张三","employer":"广西大学","employerType":"体制内事业单位","level":"正高",
          "series":"工程","specialty":"土木工程","eligibility":"通过"}]""");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    // The library's probes reached its reader as its keeper: a good file previews.
    Api.Reply preview = api.postJson("/api/committees/" + region.committee("测试评委会", "正高").code()
        + "/library/preview", "staff1", """
        [{"expertCode":"E01","name":"李明","employer":"广西大学","specialty":"土木工程","title":"正高级工程师",
          "phone":"13800000001","status":"在库","termStart":"2025-01-01","termEnd":"2027-12-31"}]""");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
  }

  private static String abbreviate(String body) {
    return body.length() <= 160 ? body : body.substring(0, 160) + "…";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
