package cn.gx.titlereview.platform.importing;

/**
 * One column of an import: its JSON key, its Chinese header in .xlsx files, whether it must be filled, and, for a
 * text column, the database column ({@code table.column}) that keeps its value or that it is looked up against,
 * whose width bounds it ({@link ColumnWidths}). Numbers, yes/no and dates have no width: their type bounds them.
 */
public record Column(String key, String header, boolean required, String stored) {

  public static Column required(String key, String header) {
    return new Column(key, header, true, null);
  }

  public static Column optional(String key, String header) {
    return new Column(key, header, false, null);
  }

  public static Column required(String key, String header, String stored) {
    return new Column(key, header, true, stored);
  }

  public static Column optional(String key, String header, String stored) {
    return new Column(key, header, false, stored);
  }
}
