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
  /**
   * 系统管理员 (三员分立): models, deployments, migrations, the engine's jobs and incidents; no business data, no
   * accounts, no audit trail.
   */
  public static final String SYSTEM_ADMIN = "systemAdmin";
  /** 安全管理员: accounts, passwords, each account's organization and role; no business data, no audit trail. */
  public static final String SECURITY_ADMIN = "securityAdmin";
  /** 安全审计员: reads, checks and exports the audit trail; nothing else. */
  public static final String AUDIT_ADMIN = "auditAdmin";
  /** The three administrators: an account holds at most one of them, and no business role beside it. */
  public static final java.util.List<String> ADMINISTRATORS = java.util.List.of(SYSTEM_ADMIN, SECURITY_ADMIN,
      AUDIT_ADMIN);
  /**
   * Camunda's built-in administrators group: the engine's bootstrap account only, refused at login outside the demo
   * profile once the three administrators exist ({@link BootstrapAdministrator}).
   */
  public static final String ADMIN = "camunda-admin";
  /**
   * The roles an account holds in its organization, as the 账号与所属单位 page and single sign-on assign them (the
   * administrators' groups are given apart, see {@link #ADMINISTRATORS}).
   */
  public static final java.util.List<String> ASSIGNABLE_ROLES = java.util.List.of(STAFF, SUPERVISOR, UNIT_HEAD,
      APPROVER, DEPT_HEAD, MONITORING);

  public static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(STAFF, "工作人员");
    NAMES.put(SUPERVISOR, "纪检监督员");
    NAMES.put(UNIT_HEAD, "组建单位负责人");
    NAMES.put(APPROVER, "核准单位");
    NAMES.put(DEPT_HEAD, "主管部门负责人");
    NAMES.put(MONITORING, "运维监控");
    NAMES.put(SYSTEM_ADMIN, "系统管理员");
    NAMES.put(SECURITY_ADMIN, "安全管理员");
    NAMES.put(AUDIT_ADMIN, "安全审计员");
    NAMES.put(ADMIN, "初始管理员");
  }

  private Groups() {
  }

  public static String name(String groupId) {
    return NAMES.getOrDefault(groupId, groupId);
  }
}
