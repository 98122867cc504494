package cn.gx.titlereview.platform.importing;

/** One column of an import: its JSON key, its Chinese header in .xlsx files, and whether it must be filled. */
public record Column(String key, String header, boolean required) {

  public static Column required(String key, String header) {
    return new Column(key, header, true);
  }

  public static Column optional(String key, String header) {
    return new Column(key, header, false);
  }
}
