package cn.gx.titlereview.platform.audit;

/** What an audit entry records; the label is what the audit page shows. */
public enum AuditKind {
  CONFIDENTIAL_READ("查阅保密信息"),
  EXPORT("导出"),
  CHANGE("修改"),
  LOGIN("登录"),
  LOGIN_FAILED("登录失败"),
  LOGOUT("退出"),
  /** An account created, changed (its name, its password) or deleted. */
  ACCOUNT("账号变更"),
  /** An account's groups, organization or role. */
  MEMBERSHIP("账号的单位、角色和用户组变更"),
  /** The organization tree, the committee registry, cross-inspection grants. */
  REGION("组织机构、评委会和授权变更"),
  DEPLOYMENT("流程模型部署"),
  MIGRATION("流程实例迁移"),
  /** What the engine's own user operation log holds (Cockpit, Tasklist, Admin, /engine-rest). */
  ENGINE_OPERATION("流程引擎操作"),
  /** Refused by the separation of duties (三员分立) or by a closed session's finality. */
  REFUSED("拒绝的操作");

  private final String label;

  AuditKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
