package cn.gx.titlereview.session;

import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.IntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same session on a real PostgreSQL 14: our Flyway migrations, Camunda's schema and every query on it. */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WholeSessionPostgresTest extends WholeSessionScenario {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
