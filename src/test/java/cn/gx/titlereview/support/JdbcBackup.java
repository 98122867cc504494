package cn.gx.titlereview.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The backup test's stand-in for {@code pg_dump} / {@code pg_restore} where PostgreSQL's client tools are missing
 * (zonky's embedded PostgreSQL ships only the server): a JDBC-level export of the {@code public} schema, in the order
 * pg_restore uses — the tables with their columns, defaults and identities, every row in PostgreSQL's binary COPY
 * format, the identities' next values, then the constraints and indexes as the catalog defines them. It covers what
 * this application's schema has (tables, identity columns, keys, checks, indexes) and refuses anything else (views,
 * sequences of their own, functions, triggers) instead of leaving it out. Operators use pg_dump (docs/operations.md).
 */
final class JdbcBackup {

  private static final String SCHEMA = "schema.sql";
  private static final String CONSTRAINTS = "constraints.sql";
  private static final String STATEMENT_END = ";\n";

  private JdbcBackup() {
  }

  static void export(Connection db, Path file) throws SQLException, IOException {
    refuseWhatIsNotCovered(db);
    List<String> tables = strings(db, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        + "where n.nspname = 'public' and c.relkind = 'r' order by c.relname");
    StringBuilder schema = new StringBuilder();
    for (String table : tables) {
      schema.append(createTable(db, table)).append(STATEMENT_END);
    }
    StringBuilder constraints = new StringBuilder();
    // Keys before the foreign keys that reference them, as pg_restore does.
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select conrelid::regclass::text, "
        + "quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace "
        + "and contype in ('p', 'u', 'c', 'f', 'x') order by case contype when 'f' then 1 else 0 end, 1, 2")) {
      while (rs.next()) {
        constraints.append("alter table ").append(rs.getString(1)).append(" add constraint ").append(rs.getString(2))
            .append(' ').append(rs.getString(3)).append(STATEMENT_END);
      }
    }
    for (String index : strings(db, "select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on "
        + "c.oid = i.indrelid where c.relnamespace = 'public'::regnamespace and not exists (select 1 from pg_constraint "
        + "k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x')) order by 1")) {
      constraints.append(index).append(STATEMENT_END);
    }
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      entry(zip, SCHEMA, schema.toString().getBytes(StandardCharsets.UTF_8));
      for (String table : tables) {
        zip.putNextEntry(new ZipEntry("data/" + table));
        copy.copyOut("copy " + quote(table) + " to stdout (format binary)", unclosable(zip));
        zip.closeEntry();
      }
      entry(zip, CONSTRAINTS, constraints.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  static void restore(Path file, Connection db) throws SQLException, IOException {
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    db.setAutoCommit(false);
    execute(db, new String(entries.get(SCHEMA), StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().startsWith("data/")) {
        String table = e.getKey().substring("data/".length());
        copy.copyIn("copy " + quote(table) + " from stdin (format binary)", new ByteArrayInputStream(e.getValue()));
      }
    }
    // An identity continues after the highest restored value, as pg_dump's setval does.
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select c.relname, a.attname from "
        + "pg_attribute a join pg_class c on c.oid = a.attrelid where c.relnamespace = 'public'::regnamespace "
        + "and a.attidentity <> ''")) {
      List<String> next = new ArrayList<>();
      while (rs.next()) {
        String table = quote(rs.getString(1));
        String column = rs.getString(2);
        // the table as an identifier, the column by its plain name (pg_get_serial_sequence's rules)
        next.add("select setval(pg_get_serial_sequence('" + table.replace("'", "''") + "', '" + column.replace("'", "''")
            + "'), coalesce((select max(" + quote(column) + ") from " + table + "), 0) + 1, false)");
      }
      for (String sql : next) {
        try (Statement set = db.createStatement()) {
          set.execute(sql);
        }
      }
    }
    execute(db, new String(entries.get(CONSTRAINTS), StandardCharsets.UTF_8));
    db.commit();
  }

  private static String createTable(Connection db, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var s = db.prepareStatement("select quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), "
        + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity from pg_attribute a left join pg_attrdef d on "
        + "d.adrelid = a.attrelid and d.adnum = a.attnum where a.attrelid = ('public.' || quote_ident(?))::regclass "
        + "and a.attnum > 0 and not a.attisdropped order by a.attnum")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String identity = rs.getString(5);
          columns.add(rs.getString(1) + " " + rs.getString(2)
              + (rs.getString(4) != null ? " default " + rs.getString(4) : "")
              + ("d".equals(identity) ? " generated by default as identity"
                  : "a".equals(identity) ? " generated always as identity" : "")
              + (rs.getBoolean(3) ? " not null" : ""));
        }
      }
    }
    return "create table " + quote(table) + " (" + String.join(", ", columns) + ")";
  }

  /** What this export does not carry: present in the database, it fails rather than restore an incomplete copy. */
  private static void refuseWhatIsNotCovered(Connection db) throws SQLException {
    List<String> other = strings(db, "select c.relkind || ' ' || c.relname from pg_class c where c.relnamespace = "
        + "'public'::regnamespace and (c.relkind not in ('r', 'i', 'S') or (c.relkind = 'S' and not exists (select 1 "
        + "from pg_depend d where d.objid = c.oid and d.deptype = 'i'))) union all select 'function ' || proname from "
        + "pg_proc where pronamespace = 'public'::regnamespace union all select 'trigger ' || tgname from pg_trigger t "
        + "join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'public'::regnamespace and not t.tgisinternal");
    if (!other.isEmpty()) {
      throw new IllegalStateException("JDBC 导出不支持这些数据库对象，请安装 pg_dump：" + other);
    }
  }

  private static void execute(Connection db, String statements) throws SQLException {
    for (String sql : statements.split(STATEMENT_END)) {
      if (!sql.isBlank()) {
        try (Statement s = db.createStatement()) {
          s.execute(sql);
        }
      }
    }
  }

  private static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** The zip stream, which copyOut must not close. */
  private static OutputStream unclosable(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
  }
}
