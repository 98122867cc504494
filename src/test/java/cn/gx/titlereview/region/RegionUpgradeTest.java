package cn.gx.titlereview.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.TitleReviewApplication;
import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawVerification;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade to the region (V31) on a copy of a database of the previous release, with sessions in every stage
 * (made by {@code src/test/resources/migration/V30FixtureTest.java.txt}: a confirmed and signed session, one whose
 * draw was offline, and sessions at the eligibility check, the roster confirmation, the votes and the first recheck,
 * an inspection of a session and one of a committee no session names). Nothing is lost or renamed, every session has
 * its committee, every signature still binds its record, every process instance gets its committee's tenant, and an
 * open task waits for the people of its organization.
 */
class RegionUpgradeTest {

  static final String DB = "jdbc:h2:mem:region-upgrade;DB_CLOSE_DELAY=-1";

  @Test
  void aV30DatabaseWithSessionsInEveryStageUpgradesWithNothingLostAndItsRecordsStillVerify() throws SQLException {
    List<Map<String, Object>> before;
    List<String> phones;
    try (Connection connection = DriverManager.getConnection(DB, "sa", "")) {
      connection.createStatement().execute(
          "runscript from 'classpath:migration/v30-sessions.sql.gz' compression gzip");
      before = rows(connection, "select code, committee_name, organising_unit, approving_unit from review_session "
          + "order by code");
      phones = rows(connection, "select distinct phone from expert").stream()
          .map(r -> (String) lower(r).get("phone")).toList();
    }
    assertThat(phones).isNotEmpty();
    assertThat(before).hasSizeGreaterThanOrEqualTo(6);

    // Command-line arguments, which win over application.yaml (default properties would not).
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TitleReviewApplication.class).run(
        "--spring.datasource.url=" + DB, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true", "--spring.profiles.active=demo",
        "--titlereview.archive.signing-key=${java.io.tmpdir}/archive-signing-key-upgrade.pem",
        "--titlereview.reminders.cron=-",
        "--titlereview.field-keys.file=${java.io.tmpdir}/field-keys-upgrade.properties", "--camunda.bpm.generic-properties.properties.historyCleanupEnabled=false")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select \"success\" from \"title_review_schema_history\" where \"version\" = '31'")
          .query(Boolean.class).single()).isTrue();

      // Nothing renamed: each session keeps its text, and its committee carries the same names.
      List<Map<String, Object>> after = jdbc.sql("""
              select s.code, s.committee_name, s.organising_unit, s.approving_unit, c.name as committee,
                     u.name as unit, a.name as approver, c.migrated
              from review_session s join committee c on c.id = s.committee_id
              join organization u on u.id = c.organising_unit_id join organization a on a.id = c.approving_unit_id
              order by s.code""").query().listOfRows();
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.size(); i++) {
        Map<String, Object> was = lower(before.get(i));
        Map<String, Object> is = lower(after.get(i));
        assertThat(is.get("code")).isEqualTo(was.get("code"));
        assertThat(is.get("committee_name")).isEqualTo(was.get("committee_name")).isEqualTo(is.get("committee"));
        assertThat(is.get("organising_unit")).isEqualTo(was.get("organising_unit")).isEqualTo(is.get("unit"));
        assertThat(is.get("approving_unit")).isEqualTo(was.get("approving_unit")).isEqualTo(is.get("approver"));
        assertThat(is.get("migrated")).isEqualTo(true);
      }
      assertThat(jdbc.sql("select count(*) from inspection where committee_id is null").query(Long.class).single())
          .isZero();
      assertThat(jdbc.sql("select count(*) from committee where name = '广西某已撤销评委会'").query(Long.class).single())
          .as("a committee named only by an inspection").isEqualTo(1);

      // Every signature still binds the record as it is: the facts did not move. The record reads some facts against
      // today (a publicity round over, a deadline passed), so it is read on the day the fixture's session ended.
      app.getBean(TestClock.class).set("2026-06-25T10:00");
      SessionRepository sessions = app.getBean(SessionRepository.class);
      RecordService records = app.getBean(RecordService.class);
      int signatures = 0;
      for (Map<String, Object> row : after) {
        ReviewSession session = sessions.getByCode((String) lower(row).get("code"));
        RecordForm form = records.form(session);
        if (session.code().startsWith("WS-V30")) {
          // Signed, changed on purpose, signed again before the upgrade: the first pair was void then, the second
          // binds the record; the upgrade changes neither.
          assertThat(form.signatures()).extracting(RecordForm.SignatureView::valid)
              .containsExactly(false, false, true, true);
          signatures += form.signatures().size();
        } else {
          assertThat(form.signatures()).allMatch(RecordForm.SignatureView::valid);
        }
      }
      assertThat(signatures).as("the confirmed session's signatures").isEqualTo(4);
      app.getBean(TestClock.class).reset();

      // The libraries (V52, V53): each committee's latest roster is version 1 of its library; every contact is
      // encrypted; the sessions keep their own rosters, so every draw still recomputes to the pool hash it committed.
      assertThat(jdbc.sql("select count(*) from library_version where version = 1 and kind = '迁入'")
          .query(Long.class).single()).isEqualTo(jdbc.sql("""
              select count(distinct s.committee_id) from review_session s
              where exists (select 1 from expert e where e.session_id = s.id)""").query(Long.class).single())
          .isPositive();
      assertThat(jdbc.sql("select count(*) from expert where phone not like 'sm4:%'").query(Long.class).single())
          .isZero();
      List<String> script = jdbc.sql("script nopasswords nosettings").query(String.class).list();
      for (String phone : phones) {
        assertThat(script).as("no plain telephone number after the upgrade").noneMatch(l -> l.contains(phone));
      }
      DrawVerification verification = app.getBean(DrawVerification.class);
      DrawRepository draws = app.getBean(DrawRepository.class);
      int verified = 0;
      for (Map<String, Object> row : after) {
        ReviewSession session = sessions.getByCode((String) lower(row).get("code"));
        var draw = draws.find(session.id());
        if (draw.isPresent()) {
          assertThat(HashAlgorithm.same(verification.pool(session).poolHash(), draw.get().poolSha256()))
              .as(session.code()).isTrue();
          verified++;
        }
      }
      assertThat(verified).as("drawn sessions of the fixture").isGreaterThanOrEqualTo(2);

      // Every process instance of the sessions and inspections has its committee's tenant.
      assertThat(jdbc.sql("select count(*) from ACT_HI_PROCINST where TENANT_ID_ is null").query(Long.class).single())
          .isZero();
      assertThat(jdbc.sql("select count(*) from ACT_RU_TASK where TENANT_ID_ is null").query(Long.class).single())
          .isZero();

      // An open supervisor task waits for the supervisors of the migrated unit once an administrator places them.
      String roster = (String) after.stream().map(RegionUpgradeTest::lower)
          .filter(r -> ((String) r.get("code")).startsWith("V30-ROSTER")).findFirst().orElseThrow().get("code");
      String unit = jdbc.sql("""
              select u.code from review_session s join committee c on c.id = s.committee_id
              join organization u on u.id = c.organising_unit_id where s.code = ?""")
          .param(roster).query(String.class).single();
      assertThat(tasksOf(app, "supervisor1", roster)).as("supervisor1 is unit A's, not the migrated unit's").isEmpty();
      app.getBean(RegionRegistry.class).saveAccounts(new ImportFile("accounts.json", ("[{\"userId\":\"supervisor1\","
          + "\"organizationCode\":\"" + unit + "\",\"roles\":\"纪检监督员\"}]").getBytes(StandardCharsets.UTF_8)),
          new RegionRegistry.Writer("admin", true, null));
      assertThat(tasksOf(app, "supervisor1", roster)).extracting(Task::getTaskDefinitionKey)
          .containsExactly("Task_ConfirmRosterAndPresence");
    }
  }

  /** The open tasks of the session the user sees, as Tasklist would ask for them. */
  private static List<Task> tasksOf(ConfigurableApplicationContext app, String user, String code) {
    IdentityService identity = app.getBean(IdentityService.class);
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(user, groups, tenants);
    try {
      return app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code).list();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<Map<String, Object>> rows(Connection connection, String sql) {
    return JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true))
        .sql(sql).query().listOfRows();
  }

  /** Column names as PostgreSQL and H2 both give them, lower case. */
  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> lower = new java.util.HashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
    return lower;
  }
}
