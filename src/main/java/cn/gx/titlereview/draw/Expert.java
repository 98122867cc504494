package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.ExpertColumns;
import java.util.List;

/** An expert of the session's roster (评委名册): its own, or its committee's library as frozen for it. */
public record Expert(long id, String expertCode, String name, String employer, String specialty, String title,
    String phone, String status, String email) {

  public static final String ACTIVE = ExpertColumns.ACTIVE;
  public static final String SUSPENDED = ExpertColumns.SUSPENDED;
  public static final List<String> STATUSES = ExpertColumns.LISTED;

  public String label() {
    return "专家 " + expertCode + " " + name;
  }
}
