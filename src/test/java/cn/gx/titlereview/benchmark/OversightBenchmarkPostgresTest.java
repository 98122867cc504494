package cn.gx.titlereview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.region.RegionChanged;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.IntegrationTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 监管统计 at the scale on PostgreSQL: ten years (2017–2026) of 300 committees holding 3 sessions a year of
 * 200 applicants each — 9,000 sessions, 1.8 million applicants. The pages read the read model only, so the data is
 * generated as read-model rows (one per session, as {@code SessionFacts} writes them from a record), with a failed
 * gate in every third session, a complaint in every fifth, and an inspection with two findings (one overdue) for every
 * tenth committee-year; the applicants, votes and findings themselves are not generated, as nothing here reads them.
 * Times are through HTTP as the 自治区职改办's approver (who supervises all 300), median of 5 after a warm-up:
 * the region's view of a year (≤ 1 s), a committee's ten-year file (≤ 1 s), the annual report as .docx and as PDF
 * (≤ 10 s each). Run: {@code flock /tmp/mvn.lock mvn -B test -Pbenchmark -Dtest=OversightBenchmarkPostgresTest}.
 */
@Tag("benchmark")
@IntegrationTest
class OversightBenchmarkPostgresTest {

  static final int COMMITTEES = 300;
  static final int SESSIONS_PER_YEAR = 3;
  static final int APPLICANTS = 200;
  static final int FIRST_YEAR = 2017;
  static final int LAST_YEAR = 2026;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.jdbcUrl("oversight_" + System.nanoTime() % 100_000);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    registry.add("camunda.bpm.webapp.enabled", () -> EmbeddedPostgres.WEBAPPS);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;

  @Test
  void theRegionsViewACommitteesFileAndTheAnnualReportAtTheRegionsScale() {
    long start = System.nanoTime();
    generate();
    double generated = (System.nanoTime() - start) / 1e9;
    Api api = new Api(port);
    String code = "BM-0042";
    double view = time(() -> api.get("/oversight?year=" + LAST_YEAR, "approver1"));
    double file = time(() -> api.get("/oversight/committees/" + code, "approver1"));
    double passRates = time(() -> api.get("/api/oversight/pass-rates?year=" + LAST_YEAR + "&level=%E9%AB%98%E7%BA%A7",
        "approver1"));
    double docx = time(() -> api.download("/oversight/report.docx?year=" + LAST_YEAR, "approver1"));
    double pdf = time(() -> api.download("/oversight/report.pdf?year=" + LAST_YEAR, "approver1"));
    double xlsx = time(() -> api.download("/oversight/report.xlsx?year=" + LAST_YEAR, "approver1"));
    System.out.printf("""
        OVERSIGHT BENCHMARK (PostgreSQL, %d committees × %d sessions × %d years = %d sessions of %d applicants)
          generated read-model rows in %.1f s
          region's view of a year ............ %6.0f ms (goal ≤ 1000)
          committee's ten-year file .......... %6.0f ms (goal ≤ 1000)
          pass rates (API), one level ........ %6.0f ms
          annual report .docx ................ %6.0f ms (goal ≤ 10000)
          annual report PDF .................. %6.0f ms (goal ≤ 10000)
          annual report .xlsx ................ %6.0f ms
        """, COMMITTEES, SESSIONS_PER_YEAR, LAST_YEAR - FIRST_YEAR + 1, sessions(), APPLICANTS, generated, view, file,
        passRates, docx, pdf, xlsx);
    assertThat(api.get("/oversight?year=" + LAST_YEAR, "approver1").body()).contains("漏斗图", "通过率异常");
    assertThat(view).isLessThan(1000);
    assertThat(file).isLessThan(1000);
    assertThat(docx).isLessThan(10_000);
    assertThat(pdf).isLessThan(10_000);
  }

  private static int sessions() {
    return COMMITTEES * SESSIONS_PER_YEAR * (LAST_YEAR - FIRST_YEAR + 1);
  }

  /** 300 committees of three levels and five series, under 南宁 and 桂林, then their sessions' rows. */
  private void generate() {
    long unitA = jdbc.queryForObject("select id from organization where code = 'GX-UNIT-A'", Long.class);
    long unitB = jdbc.queryForObject("select id from organization where code = 'GX-UNIT-B'", Long.class);
    long nanning = jdbc.queryForObject("select id from organization where code = 'GX-NN'", Long.class);
    long guilin = jdbc.queryForObject("select id from organization where code = 'GX-GL'", Long.class);
    String[] levels = {"高级", "中级", "初级"};
    String[] series = {"工程", "卫生", "教育", "农业", "经济"};
    List<Object[]> committees = new ArrayList<>();
    for (int c = 0; c < COMMITTEES; c++) {
      boolean south = c % 2 == 0;
      committees.add(new Object[] {"BM-%04d".formatted(c), "基准测试第" + c + "评审委员会", levels[c % 3],
          series[(c / 3) % 5], south ? unitA : unitB, south ? nanning : guilin});
    }
    jdbc.batchUpdate("""
        insert into committee (code, name, level, series, organising_unit_id, approving_unit_id, self_managed,
          status, migrated) values (?, ?, ?, ?, ?, ?, false, 'ACTIVE', false)""", committees);
    events.publishEvent(new RegionChanged("基准测试评委会 " + COMMITTEES + " 个"));
    List<Long> ids = jdbc.queryForList("select id from committee where code like 'BM-%' order by code", Long.class);
    Random random = new Random(27);
    List<Object[]> sessions = new ArrayList<>();
    for (int c = 0; c < COMMITTEES; c++) {
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        for (int s = 0; s < SESSIONS_PER_YEAR; s++) {
          LocalDate day = LocalDate.of(year, 3 + 3 * s, 10);
          sessions.add(new Object[] {"BM-%04d-%d-%d".formatted(c, year, s), "基准测试第" + c + "评审委员会",
              c % 3 == 0 ? "副高" : c % 3 == 1 ? "中级" : "初级", series[(c / 3) % 5], year, "组建单位", "核准单位",
              Date.valueOf(day), Date.valueOf(day.plusDays(2)), Timestamp.from(Instant.now()), ids.get(c),
              year < LAST_YEAR ? "CONFIRMED" : null});
        }
      }
    }
    jdbc.batchUpdate("""
        insert into review_session (code, committee_name, level, series, review_year, organising_unit, approving_unit,
          self_managed, planned_review_start, planned_review_end, created_at, committee_id, closed_outcome)
        values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?)""", sessions);
    List<Object[]> facts = new ArrayList<>();
    List<Object[]> gates = new ArrayList<>();
    List<Object[]> rows = jdbc.query("select id, committee_id, closed_outcome from review_session where code like 'BM-%'",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)});
    for (Object[] row : rows) {
      long id = (Long) row[0];
      int committee = ids.indexOf((Long) row[1]);
      // Most committees pass about 60 %; two in a hundred are out of line, one high and one low.
      double p = committee % 50 == 7 ? 0.85 : committee % 50 == 8 ? 0.35 : 0.55 + random.nextDouble() * 0.1;
      int passed = (int) Math.round(APPLICANTS * p);
      int publicSector = APPLICANTS / 2;
      int passedPublic = passed / 2;
      facts.add(new Object[] {id, APPLICANTS, passed, publicSector, passedPublic, APPLICANTS - publicSector,
          passed - passedPublic, random.nextInt(4), id % 5 == 0 ? 1 : 0, id % 5 == 0 ? 1 : 0, id % 3 == 0 ? 1 : 0,
          id % 9 == 0 ? 1 : 0, id % 7 == 0 ? "是否随机抽取" : null, id % 7 == 0 ? 1 : 0, row[2],
          Timestamp.from(Instant.now())});
      if (id % 3 == 0) {
        gates.add(new Object[] {id, "review", "合规检查：评审表决", 1, id % 9 != 0});
      }
    }
    jdbc.batchUpdate("""
        insert into oversight_session_fact (session_id, applicants, passed, applicants_public, passed_public,
          applicants_enterprise, passed_enterprise, recheck_problems, complaints_received, complaints_verified,
          gate_failures, gates_unrectified, no_items, no_item_count, closed_outcome, computed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", facts);
    jdbc.batchUpdate("""
        insert into oversight_session_gate (session_id, gate_key, gate_name, failures, rectified)
        values (?, ?, ?, ?, ?)""", gates);
    for (int c = 0; c < COMMITTEES; c += 10) {
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        jdbc.update("""
            insert into inspection (committee_id, committee_name, means, trigger_kind, opened_by, opened_at)
            values (?, ?, '查阅资料,约谈', 'ROUTINE', 'approver1', ?)""", ids.get(c), "基准测试第" + c + "评审委员会",
            Timestamp.valueOf(LocalDate.of(year, 6, 1).atStartOfDay()));
        long inspection = jdbc.queryForObject("select max(id) from inspection", Long.class);
        for (int f = 0; f < 2; f++) {
          jdbc.update("""
              insert into inspection_finding (inspection_id, rule_text, responsible, rectification,
                deadline_working_days, due_date, verified) values (?, ?, ?, ?, 20, ?, ?)""", inspection,
              "监管方案 二（一）" + (f + 1), "组建单位", "限期整改", Date.valueOf(LocalDate.of(year, 7, 1)), f == 0);
        }
      }
    }
  }

  /** Median of five timed runs after one warm-up, in milliseconds. */
  private static double time(Supplier<?> call) {
    call.get();
    double[] runs = new double[5];
    for (int i = 0; i < runs.length; i++) {
      long t = System.nanoTime();
      Object reply = call.get();
      runs[i] = (System.nanoTime() - t) / 1e6;
      if (reply instanceof Api.Reply r) {
        assertThat(r.status()).isEqualTo(200);
      }
    }
    Arrays.sort(runs);
    return runs[2];
  }
}
