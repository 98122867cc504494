package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.platform.web.TextRules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The width of every text column of our tables, read from the database's own schema (our Flyway migrations), so that
 * a value is measured against its column before it reaches the database, and no width is written twice. Read once, on
 * first use, after the migrations have run.
 */
@Component
public class ColumnWidths {

  private final JdbcClient jdbc;
  private volatile Map<String, Integer> widths;

  public ColumnWidths(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The width in characters of {@code table.column}; a name the schema lacks is a programming error. */
  public int of(String tableColumn) {
    Integer width = all().get(tableColumn.toLowerCase(Locale.ROOT));
    if (width == null) {
      throw new IllegalStateException("No text column " + tableColumn + " in the schema");
    }
    return width;
  }

  /** Why this value may not be stored in {@code table.column}, or null: unsafe text, or too long. */
  public String problem(String value, String tableColumn) {
    String unsafe = TextRules.unsafe(value);
    return unsafe != null ? unsafe : tooLong(value, tableColumn);
  }

  /** Adds "「field」…" to {@code problems} when the value (if any) may not be stored in {@code table.column}. */
  public void check(java.util.List<String> problems, String field, String value, String tableColumn) {
    String problem = value == null ? null : problem(value, tableColumn);
    if (problem != null) {
      problems.add("「" + field + "」" + problem);
    }
  }

  /** Refuses (400) a value that may not be stored in {@code table.column}, naming it as {@code label}. */
  public void require(String value, String tableColumn, String label) {
    String problem = value == null ? null : problem(value, tableColumn);
    if (problem != null) {
      throw BusinessException.badRequest(label + "：" + problem);
    }
  }

  /** "超过 100 个字符的长度限制（实际 3200 个字符）" when the value is wider than {@code table.column}, or null. */
  public String tooLong(String value, String tableColumn) {
    int width = of(tableColumn);
    int length = TextRules.length(value);
    return length > width ? "超过 " + width + " 个字符的长度限制（实际 " + length + " 个字符）" : null;
  }

  private Map<String, Integer> all() {
    Map<String, Integer> known = widths;
    if (known == null) {
      Map<String, Integer> read = new HashMap<>();
      jdbc.sql("""
              select lower(table_name) t, lower(column_name) c, character_maximum_length w
              from information_schema.columns
              where table_schema = current_schema and character_maximum_length is not null""")
          .query(rs -> {
            read.put(rs.getString("t") + "." + rs.getString("c"), (int) Math.min(Integer.MAX_VALUE, rs.getLong("w")));
          });
      widths = known = Map.copyOf(read);
    }
    return known;
  }
}
