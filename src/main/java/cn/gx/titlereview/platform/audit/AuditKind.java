package cn.gx.titlereview.platform.audit;

/** What an audit entry records; the label is what the audit page shows. */
public enum AuditKind {
  CONFIDENTIAL_READ("查阅保密信息"),
  EXPORT("导出"),
  CHANGE("修改");

  private final String label;

  AuditKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
