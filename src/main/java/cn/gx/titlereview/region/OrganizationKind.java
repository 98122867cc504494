package cn.gx.titlereview.region;

import java.util.Arrays;
import java.util.Optional;

/** What an organization is in the region's tree, with the name people use for it. */
public enum OrganizationKind {

  REGION_OFFICE("自治区职改办"),
  CITY_OFFICE("市职改办"),
  DEPARTMENT("行业主管部门"),
  UNIT("评委会组建单位"),
  THIRD_PARTY("第三方机构");

  private final String label;

  OrganizationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The offices of the HR departments (职改办): they supervise their subtree and keep the registry. */
  public boolean office() {
    return this == REGION_OFFICE || this == CITY_OFFICE;
  }

  /** By its name ({@code CITY_OFFICE}) or its label (市职改办). */
  static Optional<OrganizationKind> parse(String text) {
    return Arrays.stream(values()).filter(k -> k.name().equals(text) || k.label.equals(text)).findFirst();
  }
}
