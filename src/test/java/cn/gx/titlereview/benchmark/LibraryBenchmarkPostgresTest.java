package cn.gx.titlereview.benchmark;

import static cn.gx.titlereview.support.TestData.context;

import cn.gx.titlereview.demo.DemoData;
import cn.gx.titlereview.draw.RosterGate;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.library.LibraryService;
import cn.gx.titlereview.library.LibrarySnapshots;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A committee's library of 100,000 experts on PostgreSQL (docs/performance.md): the first import and a later one
 * that drops 10 % and changes 1 %, each previewed and applied, and the snapshot a session freezes at its roster gate;
 * beside today's per-session import of the same list. Run with {@code mvn verify -Pbenchmark}.
 */
@IntegrationTest
@Tag("benchmark")
class LibraryBenchmarkPostgresTest {

  static final int EXPERTS = 100_000;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.jdbcUrl("library_" + System.nanoTime() % 100_000);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    registry.add("camunda.bpm.webapp.enabled", () -> EmbeddedPostgres.WEBAPPS);
  }

  @Autowired TestData data;
  @Autowired TestRegion region;
  @Autowired SessionFixture fixture;
  @Autowired LibraryService library;
  @Autowired LibrarySnapshots snapshots;
  @Autowired RosterImportService rosterImport;
  @Autowired RosterRepository roster;
  @Autowired RosterGate rosterGate;

  private final Map<String, Long> millis = new LinkedHashMap<>();

  @Test
  void aLibraryOfAHundredThousandExperts() {
    List<Map<String, Object>> experts = DemoData.roster(EXPERTS, 2);
    experts.forEach(e -> {
      e.put("termStart", "2025-01-01");
      e.put("termEnd", "2027-12-31");
    });
    ImportFile first = data.json(experts);
    ReviewSession oneOff = data.session("正高", "评委库基准（单独名册）");
    time("today: per-session roster import, 100,000 (JSON)", () -> rosterImport.replace(oneOff, first, "staff1"));

    Committee committee = region.committee("评委库基准评委会", "正高");
    var preview = time("library: preview first import, 100,000 added", () -> library.preview(committee, first));
    time("library: apply first import (version 1)",
        () -> library.apply(committee, first, 0, preview.sha256(), "staff1"));

    List<Map<String, Object>> next = new ArrayList<>();
    for (int i = 0; i < experts.size(); i++) {
      if (i % 10 == 9) {
        continue;
      }
      Map<String, Object> e = new LinkedHashMap<>(experts.get(i));
      if (i % 100 == 0) {
        e.put("employer", "广西大学");
      }
      next.add(e);
    }
    ImportFile second = data.json(next);
    var preview2 = time("library: preview 10 % leaving, 1 % changed", () -> library.preview(committee, second));
    time("library: apply it (version 2)", () -> library.apply(committee, second, 1, preview2.sha256(), "staff1"));
    var preview3 = time("library: preview the same again (warm)", () -> library.preview(committee, first));
    time("library: apply it (version 3, 10 % back)",
        () -> library.apply(committee, first, 2, preview3.sha256(), "staff1"));

    ReviewSession session = fixture.sessionWithApplicants(committee.name(), "正高", 2026);
    time("snapshot at the roster gate (freeze version 3)",
        () -> snapshots.freeze(session.id(), committee.id(), roster.ownCount(session.id())));
    time("snapshot again (warm)", () -> snapshots.freeze(session.id(), committee.id(), roster.ownCount(session.id())));
    time("  then: count the snapshot's experts", () -> roster.count(session.id()));
    time("  then: read the snapshot's pool in code order", () -> {
      long[] n = {0};
      roster.forEachActiveByCode(session.id(), (id, code, specialty) -> n[0]++);
      return n[0];
    });
    time("roster gate with the snapshot, 100,000", () -> rosterGate.check(context(session, "panelSize", 25,
        "reserveCount", 10, "minPerGroup", 3)));

    System.out.println("\n== Library benchmark, " + getClass().getSimpleName() + " ("
        + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version") + ") ==");
    millis.forEach((step, ms) -> System.out.printf("%-55s %7d ms%n", step, ms));
  }

  private <T> T time(String step, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    millis.put(step, (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
