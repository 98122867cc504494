package cn.gx.titlereview.library;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportRow;
import java.util.List;

/**
 * The columns of an expert list: a session's one-off roster (评委名册) and, with the term of office (聘期), a
 * committee's library (评委库). The contacts are bounded by their masked columns' widths, since the stored values
 * are encrypted.
 */
public final class ExpertColumns {

  public static final String ACTIVE = "在库";
  public static final String SUSPENDED = "暂停";
  public static final String LEFT = "出库";
  /** What a list may say of an expert; 出库 is a change of the library, not a line of a list. */
  public static final List<String> LISTED = List.of(ACTIVE, SUSPENDED);

  public static final Column CODE = required("expertCode", "专家编号", "expert.expert_code");
  public static final Column NAME = required("name", "姓名", "expert.name");
  public static final Column EMPLOYER = required("employer", "工作单位", "expert.employer");
  public static final Column SPECIALTY = required("specialty", "专业", "expert.specialty");
  public static final Column TITLE = required("title", "职称", "expert.title");
  public static final Column PHONE = required("phone", "电话", "expert.phone_masked");
  public static final Column STATUS = required("status", "状态", "expert.status");
  /** Optional: the draw notice goes by e-mail too where an address is given (docs/experts.md). */
  public static final Column EMAIL = optional("email", "电子邮箱", "expert.email_masked");
  public static final Column TERM_START = required("termStart", "聘期开始");
  public static final Column TERM_END = required("termEnd", "聘期结束");

  public static final List<Column> ROSTER = List.of(CODE, NAME, EMPLOYER, SPECIALTY, TITLE, PHONE, STATUS, EMAIL);
  public static final List<Column> LIBRARY = List.of(CODE, NAME, EMPLOYER, SPECIALTY, TITLE, PHONE, STATUS, EMAIL,
      TERM_START, TERM_END);

  private ExpertColumns() {
  }

  /**
   * The e-mail address of a row, refused when it is not one; the problem does not repeat the value, since problems
   * are kept in the import journal and contacts are never stored in plain text.
   */
  public static String email(ImportRow row) {
    String email = row.text(EMAIL);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      row.problem(EMAIL, "不是有效的电子邮箱地址");
    }
    return email;
  }
}
