package cn.gx.titlereview.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** The user groups of the product. Ids are English; names are what Tasklist and Admin show. */
public final class Groups {

  public static final String STAFF = "staff";
  public static final String SUPERVISOR = "supervisor";
  public static final String UNIT_HEAD = "unitHead";
  public static final String APPROVER = "approver";
  /** The department in charge's head: overdue rectifications from inspections escalate here. */
  public static final String DEPT_HEAD = "deptHead";
  /** Operators: read health details and the metrics ({@code /actuator}), nothing of the sessions. */
  public static final String MONITORING = "monitoring";
  /** Camunda's built-in administrators group. */
  public static final String ADMIN = "camunda-admin";

  public static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(STAFF, "工作人员");
    NAMES.put(SUPERVISOR, "纪检监督员");
    NAMES.put(UNIT_HEAD, "组建单位负责人");
    NAMES.put(APPROVER, "核准单位");
    NAMES.put(DEPT_HEAD, "主管部门负责人");
    NAMES.put(MONITORING, "运维监控");
    NAMES.put(ADMIN, "系统管理员");
  }

  private Groups() {
  }

  public static String name(String groupId) {
    return NAMES.getOrDefault(groupId, groupId);
  }
}
