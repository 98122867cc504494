package cn.gx.titlereview.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditQuery;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail (docs/audit.md): chained, checked, searched and exported by the audit administrator alone. */
@IntegrationTest
class AuditTrailTest {

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void anEditedOrADeletedLineIsFoundByTheChainCheckAndTheRestoredTrailIsIntactAgain() {
    String subject = "CHAIN-" + System.nanoTime();
    trail.record("staff1", AuditKind.CHANGE, subject, "第一条");
    trail.record("staff1", AuditKind.CHANGE, subject, "第二条");
    trail.record("staff1", AuditKind.CHANGE, subject, "第三条");
    assertThat(trail.check().intact()).as(trail.check().problems().toString()).isTrue();
    List<AuditEntry> lines = trail.about(subject);
    long middle = lines.get(1).seq();

    jdbc.sql("update audit_entry set detail = '第二条（改）' where seq = ?").param(middle).update();
    AuditTrail.ChainCheck edited = trail.check();
    assertThat(edited.intact()).isFalse();
    assertThat(edited.problems()).containsExactly("第 " + middle + " 条记录的内容与其杂凑值不符：该记录被改动");
    jdbc.sql("update audit_entry set detail = '第二条' where seq = ?").param(middle).update();
    assertThat(trail.check().intact()).isTrue();

    record Row(long id, java.sql.Timestamp at, String previous, String hash) {
    }
    Row row = jdbc.sql("select id, at, previous_hash, hash from audit_entry where seq = ?").param(middle)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4))).single();
    jdbc.sql("delete from audit_entry where seq = ?").param(middle).update();
    AuditTrail.ChainCheck deleted = trail.check();
    assertThat(deleted.intact()).isFalse();
    assertThat(deleted.problems()).contains("第 " + middle + " 至 " + middle + " 条记录缺失（被删除）",
        "第 " + (middle + 1) + " 条记录所接的前一条记录的杂凑值不符：其前的记录被删除或改动");
    jdbc.sql("""
            insert into audit_entry (id, seq, at, actor, kind, subject, detail, address, previous_hash, hash)
            values (?, ?, ?, 'staff1', 'CHANGE', ?, '第二条', null, ?, ?)""")
        .params(row.id(), middle, row.at(), subject, row.previous(), row.hash()).update();
    assertThat(trail.check().intact()).isTrue();
  }

  @Test
  void linesAppendedFromManyTransactionsAtOnceFormOneUnbrokenChain() throws Exception {
    String subject = "CONCURRENT-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<Void>> writers = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int writer = t;
      writers.add(() -> {
        for (int i = 0; i < 10; i++) {
          int n = i;
          // Two lines in one transaction, as a request that reads two confidential views.
          transaction.executeWithoutResult(status -> {
            trail.record("staff" + (writer % 6 + 1), AuditKind.CHANGE, subject, "写入 " + writer + "-" + n + "a");
            trail.record("staff" + (writer % 6 + 1), AuditKind.CHANGE, subject, "写入 " + writer + "-" + n + "b");
          });
        }
        return null;
      });
    }
    for (Future<Void> done : pool.invokeAll(writers)) {
      done.get();
    }
    pool.shutdown();
    List<AuditEntry> lines = trail.about(subject);
    assertThat(lines).hasSize(120);
    assertThat(lines).extracting(AuditEntry::hash).allMatch(h -> h.startsWith("sm3:"));
    AuditTrail.ChainCheck check = trail.check();
    assertThat(check.intact()).as(check.problems().toString()).isTrue();
  }

  @Test
  void everyLineIsShippedAsOneJsonLineOnceItsTransactionCommitted() {
    Logger logger = (Logger) LoggerFactory.getLogger("cn.gx.titlereview.audit");
    ListAppender<ILoggingEvent> shipped = new ListAppender<>();
    shipped.start();
    ch.qos.logback.classic.Level level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    logger.addAppender(shipped);
    try {
      String subject = "SHIPPED-" + System.nanoTime();
      transaction.executeWithoutResult(status -> {
        trail.record("staff2", AuditKind.EXPORT, subject, "下载《名单》");
        assertThat(shipped.list).as("nothing before the commit").isEmpty();
      });
      transaction.executeWithoutResult(status -> {
        trail.record("staff2", AuditKind.EXPORT, subject, "回滚的导出");
        status.setRollbackOnly();
      });
      assertThat(shipped.list).hasSize(1);
      assertThat(shipped.list.get(0).getFormattedMessage()).startsWith("{\"seq\":")
          .contains("\"actor\":\"staff2\"", "\"kind\":\"EXPORT\"", "\"subject\":\"" + subject + "\"",
              "\"hash\":\"sm3:");
      assertThat(trail.about(subject)).extracting(AuditEntry::detail).containsExactly("下载《名单》");
    } finally {
      logger.detachAppender(shipped);
      logger.setLevel(level);
    }
  }

  @Test
  void loginsFailedLoginsAndTheEnginesOwnOperationsAreInTheTrail() {
    assertThat(api.get("/engine-rest/engine", "depthead1:wrong").status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/engine", "depthead1").status()).isEqualTo(200);
    assertThat(trail.search(new AuditQuery("depthead1", "depthead1", null, null, null), 10))
        .extracting(AuditEntry::kind).contains(AuditKind.LOGIN_FAILED, AuditKind.LOGIN);

    // The security administrator creates an account in Admin (/engine-rest): the engine's log entry is copied in.
    String account = "audited" + System.nanoTime() % 100000;
    Reply created = api.postJson("/engine-rest/user/create", "secadmin1", """
        {"profile":{"id":"%s","firstName":"覃","lastName":"新"},"credentials":{"password":"Guangxi-2026!"}}"""
        .formatted(account));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    // One line for the operation, about the account, by whom.
    assertThat(trail.search(new AuditQuery(account, null, AuditKind.ACCOUNT, null, null), 10))
        .extracting(AuditEntry::actor, AuditEntry::detail).containsExactly(tuple("secadmin1", "Create User：userId "
            + account));
  }

  @Test
  void onlyTheAuditAdministratorReadsSearchesAndExportsTheTrailAndHisReadingIsItselfALine() throws Exception {
    String subject = "READ-" + System.nanoTime();
    trail.record("supervisor1", AuditKind.CONFIDENTIAL_READ, subject, "抽取结果（评委名单）");
    for (String other : List.of("staff1", "approver1", "sysadmin1", "secadmin1", "admin")) {
      Reply refused = api.get("/api/audit?session=" + subject, other);
      assertThat(refused.status()).as(other).isEqualTo(403);
      assertThat(refused.body()).contains("安全审计员");
      assertThat(api.get("/audit", other).status()).as(other).isEqualTo(403);
    }

    Reply found = api.get("/api/audit?session=" + subject + "&kind=CONFIDENTIAL_READ", "auditor1");
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.body()).contains("\"actor\":\"supervisor1\"", "\"actorName\":\"赵强\"", "抽取结果（评委名单）",
        "\"kindLabel\":\"查阅保密信息\"");
    assertThat(api.get("/api/audit?from=2026-13-01", "auditor1").body()).contains("起始日期 from");
    assertThat(api.get("/api/audit?kind=NOSUCH", "auditor1").body()).contains("不是审计记录的类别");

    Reply page = api.get("/audit?session=" + subject, "auditor1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("审计记录", "赵强（纪检监督员，南宁建设工程集团有限公司；账号 supervisor1）", "查阅保密信息");
    assertThat(api.get("/audit?check=1", "auditor1").body()).contains("记录完整");

    byte[] workbook = api.download("/api/audit/export?session=" + subject, "auditor1");
    assertThat(cells(workbook)).contains("抽取结果（评委名单）", "赵强（纪检监督员，南宁建设工程集团有限公司；账号 supervisor1）",
        "supervisor1");
    assertThat(trail.search(new AuditQuery("audit", "auditor1", null, null, null), 10))
        .extracting(AuditEntry::detail).anyMatch(d -> d.startsWith("查阅审计记录：评审会 " + subject))
        .anyMatch(d -> d.startsWith("导出审计记录：评审会 " + subject));
  }

  static List<String> cells(byte[] workbook) throws java.io.IOException {
    List<String> cells = new ArrayList<>();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
      book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
    }
    return cells;
  }
}
