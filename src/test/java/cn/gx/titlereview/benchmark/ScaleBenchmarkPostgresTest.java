package cn.gx.titlereview.benchmark;

import cn.gx.titlereview.support.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scale figures on PostgreSQL (embedded, a database of its own), where the targets are set. */
@Tag("benchmark")
class ScaleBenchmarkPostgresTest extends ScaleBenchmarkTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.jdbcUrl("scale_" + System.nanoTime() % 100_000);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    registry.add("camunda.bpm.webapp.enabled", () -> EmbeddedPostgres.WEBAPPS);
  }
}
