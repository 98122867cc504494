package cn.gx.titlereview.region;

/**
 * One organization of the region: the 自治区职改办 at the root, the cities' 职改办 and the departments below it,
 * the units that organise committees below those. {@code migrated} marks one made from the free text of a session
 * started before the registry, for the 职改办 to check and place.
 */
public record Organization(long id, String code, String name, OrganizationKind kind, Long parentId,
    boolean migrated) {

  /** 「南宁市职称改革工作领导小组办公室（GX-NN）」, as lists and messages show it. */
  public String label() {
    return name + "（" + code + "）";
  }
}
