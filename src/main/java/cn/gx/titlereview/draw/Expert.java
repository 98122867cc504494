package cn.gx.titlereview.draw;

import java.util.List;

/** An expert of the committee's roster (评委名册). */
public record Expert(long id, String expertCode, String name, String employer, String specialty, String title,
    String phone, String status, String email) {

  public static final String ACTIVE = "在库";
  public static final String SUSPENDED = "暂停";
  public static final List<String> STATUSES = List.of(ACTIVE, SUSPENDED);

  public String label() {
    return "专家 " + expertCode + " " + name;
  }
}
