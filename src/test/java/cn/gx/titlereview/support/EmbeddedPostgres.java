package cn.gx.titlereview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM (zonky embedded binaries: no Docker, no service), started on first use
 * and stopped by zonky's shutdown hook. Tests on it close their Spring context after the class
 * ({@code @DirtiesContext}), so that no pool still holds connections when the server stops; their contexts have no
 * webapps (see {@link #WEBAPPS}).
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {
  }

  public static synchronized void register(DynamicPropertyRegistry registry) {
    registerUrl(registry, jdbcUrl());
  }

  /** As {@link #register(DynamicPropertyRegistry)}, on a database of its own (created empty on first use). */
  public static synchronized void register(DynamicPropertyRegistry registry, String database) {
    registerUrl(registry, jdbcUrl(database));
  }

  private static void registerUrl(DynamicPropertyRegistry registry, String url) {
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    // Its own engine name, so that it never replaces the H2 context's "default" engine in the engine registry.
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    registry.add("camunda.bpm.webapp.enabled", () -> WEBAPPS);
  }

  /**
   * Contexts on PostgreSQL run without Tasklist, Cockpit and Admin: closing a context with the webapps clears their
   * JVM-wide runtime (Camunda's {@code CockpitContainerBootstrap} and its siblings set static delegates to null), which
   * breaks the webapps of every H2 context still cached in the same test JVM.
   */
  public static final String WEBAPPS = "false";

  /** The server's JDBC URL (user and password {@code postgres}), the server started if it is not yet. */
  public static synchronized String jdbcUrl() {
    start();
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** A database of its own on the same server, created empty on first use: for a test that must see only its data. */
  public static synchronized String jdbcUrl(String database) {
    start();
    try (java.sql.Connection c = server.getPostgresDatabase().getConnection();
        java.sql.Statement s = c.createStatement()) {
      if (!s.executeQuery("select 1 from pg_database where datname = '" + database + "'").next()) {
        s.execute("create database " + database);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return server.getJdbcUrl("postgres", database);
  }

  /**
   * A backup of a database of this server into the file, as docs/operations.md tells an operator to take it:
   * {@code pg_dump --format=custom} with the system's client tools (Debian's postgresql-client; zonky's bundle has only
   * the server). Where they are missing, or with {@code -Dtitlereview.backup=jdbc}, a JDBC-level export
   * ({@link JdbcBackup}) stands in, so that the test runs on any clean clone, offline. Answers which one was used.
   */
  public static synchronized String dump(String database, Path file) {
    if (withClientTools()) {
      run("pg_dump", "--format=custom", "--file=" + file, database);
      return "pg_dump";
    }
    try (java.sql.Connection db = connect(database)) {
      JdbcBackup.export(db, file);
    } catch (java.sql.SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    return "JDBC";
  }

  /**
   * The restore of a {@link #dump} into a new, empty database of this server (created here): {@code pg_restore}, as the
   * procedure does, or the JDBC-level import of the stand-in's file. Answers the new database's JDBC URL.
   */
  public static synchronized String restore(Path file, String database) {
    String url = jdbcUrl(database);
    if (withClientTools()) {
      run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database, file.toString());
      return url;
    }
    try (java.sql.Connection db = connect(database)) {
      JdbcBackup.restore(file, db);
    } catch (java.sql.SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    return url;
  }

  private static boolean withClientTools() {
    return !"jdbc".equals(System.getProperty("titlereview.backup")) && onPath("pg_dump") && onPath("pg_restore");
  }

  private static java.sql.Connection connect(String database) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
  }

  private static void run(String tool, String... arguments) {
    start();
    List<String> command = new ArrayList<>(List.of(tool, "--host=localhost", "--port=" + server.getPort(),
        "--username=postgres"));
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PGPASSWORD", "postgres");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " 失败：\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static void start() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
