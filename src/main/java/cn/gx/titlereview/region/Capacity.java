package cn.gx.titlereview.region;

/**
 * An organization's standing towards one committee, derived from the tree (监管方案 三（二）). Roles decide what its
 * people do with it: the staff, supervisors and heads of the organising unit run the sessions; the approving unit's
 * people supervise and confirm; the 职改办 above either read and inspect; the industry department reads; a grantee
 * reads for its period.
 */
public enum Capacity {

  ORGANISER("组建单位"),
  APPROVER("核准单位"),
  SUPERVISING_OFFICE("上级职改办"),
  INDUSTRY("行业主管部门"),
  GRANTEE("受托检查单位");

  private final String label;

  Capacity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
