package cn.gx.titlereview.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditQuery;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on PostgreSQL with the production roles of docs/audit.md: Flyway as the owner, the application as a
 * role that may only insert into and read the trail. Two writers in separate transactions append to one unbroken
 * chain, as two nodes do.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditTrailPostgresTest {

  private static final String DATABASE = "audit_roles";
  private static String url;

  @Autowired AuditTrail trail;
  @Autowired TransactionTemplate transaction;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws Exception {
    url = EmbeddedPostgres.jdbcUrl(DATABASE).replaceAll("\\?.*", "");
    try (Connection superuser = DriverManager.getConnection(url, "postgres", "postgres");
        Statement sql = superuser.createStatement()) {
      if (!sql.executeQuery("select 1 from pg_roles where rolname = 'titlereview_app'").next()) {
        for (String statement : Files.readString(Path.of("src/main/resources/db/roles/postgresql-roles.sql"))
            .replaceAll("(?m)^--.*$", "").split(";")) {
          if (!statement.isBlank()) {
            sql.execute(statement);
          }
        }
      }
    }
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "titlereview_app");
    registry.add("spring.datasource.password", () -> "change-me-app");
    registry.add("spring.flyway.user", () -> "titlereview_owner");
    registry.add("spring.flyway.password", () -> "change-me-owner");
    // The engine name every PostgreSQL context of the suite uses (EmbeddedPostgres): with another name, closing this
    // context left the H2 contexts' engine REST API without its default engine.
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    registry.add("camunda.bpm.webapp.enabled", () -> EmbeddedPostgres.WEBAPPS);
  }

  @Test
  void theApplicationsRoleAppendsToTheTrailButCannotUpdateDeleteOrTruncateIt() throws SQLException {
    String subject = "PG-ROLE-" + System.nanoTime();
    trail.record("supervisor1", AuditKind.CONFIDENTIAL_READ, subject, "抽取结果（评委名单）");
    assertThat(trail.about(subject)).extracting(AuditEntry::detail).containsExactly("抽取结果（评委名单）");
    // The start-up deployment of bpmn/ and forms/ was recorded too, through the same role.
    assertThat(trail.search(new AuditQuery(null, "system", AuditKind.DEPLOYMENT, null, null), 5)).isNotEmpty();

    try (Connection app = DriverManager.getConnection(url, "titlereview_app", "change-me-app");
        Statement sql = app.createStatement()) {
      for (String forbidden : List.of("update audit_entry set detail = '改' where subject = '" + subject + "'",
          "delete from audit_entry where subject = '" + subject + "'", "truncate audit_entry",
          "delete from audit_chain")) {
        assertThatThrownBy(() -> sql.execute(forbidden)).as(forbidden).isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      }
    }
    assertThat(trail.check().intact()).isTrue();
  }

  @Test
  void theOwnerCanEditALineButTheChainCheckShowsIt() throws SQLException {
    String subject = "PG-EDIT-" + System.nanoTime();
    trail.record("staff1", AuditKind.EXPORT, subject, "下载《评委名单》");
    long seq = trail.about(subject).get(0).seq();
    try (Connection owner = DriverManager.getConnection(url, "titlereview_owner", "change-me-owner");
        Statement sql = owner.createStatement()) {
      sql.execute("update audit_entry set actor = 'staff2' where seq = " + seq);
      assertThat(trail.check().problems()).containsExactly("第 " + seq + " 条记录的内容与其杂凑值不符：该记录被改动");
      sql.execute("update audit_entry set actor = 'staff1' where seq = " + seq);
    }
    assertThat(trail.check().intact()).isTrue();
  }

  @Test
  void twoWritersAppendingAtOnceKeepOneUnbrokenChain() throws Exception {
    String subject = "PG-CONCURRENT-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Void>> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int writer = t;
      writers.add(() -> {
        for (int i = 0; i < 15; i++) {
          int n = i;
          transaction.executeWithoutResult(status ->
              trail.record("staff" + (writer + 1), AuditKind.CHANGE, subject, "写入 " + writer + "-" + n));
        }
        return null;
      });
    }
    for (Future<Void> done : pool.invokeAll(writers)) {
      done.get();
    }
    pool.shutdown();
    assertThat(trail.about(subject)).hasSize(60);
    AuditTrail.ChainCheck check = trail.check();
    assertThat(check.intact()).as(check.problems().toString()).isTrue();
  }
}
