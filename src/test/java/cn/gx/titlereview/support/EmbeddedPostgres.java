package cn.gx.titlereview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM (zonky embedded binaries: no Docker, no service), started on first use
 * and stopped by zonky's shutdown hook. Tests on it close their Spring context after the class
 * ({@code @DirtiesContext}), so that no pool still holds connections when the server stops.
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {
  }

  public static synchronized void register(DynamicPropertyRegistry registry) {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    // Its own engine name, so that it never replaces the H2 context's "default" engine in the engine registry.
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
  }
}
