package cn.gx.titlereview.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organization tree, the committee registry and the grants as they stood when read: small enough (hundreds of
 * organizations and committees) to hold whole, so that every jurisdiction question is answered from memory.
 */
public final class Region {

  private final Map<Long, Organization> organizations;
  private final Map<String, Organization> organizationsByCode;
  private final Map<Long, Committee> committees;
  private final Map<String, Committee> committeesByCode;
  private final List<Grant> grants;

  Region(List<Organization> organizations, List<Committee> committees, List<Grant> grants) {
    this.organizations = organizations.stream().collect(Collectors.toUnmodifiableMap(Organization::id,
        Function.identity()));
    this.organizationsByCode = organizations.stream().collect(Collectors.toUnmodifiableMap(Organization::code,
        Function.identity()));
    this.committees = committees.stream().collect(Collectors.toUnmodifiableMap(Committee::id, Function.identity()));
    this.committeesByCode = committees.stream().collect(Collectors.toUnmodifiableMap(Committee::code,
        Function.identity()));
    this.grants = List.copyOf(grants);
  }

  public List<Organization> organizations() {
    return organizations.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  public List<Committee> committees() {
    return committees.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  public Organization organization(long id) {
    return organizations.get(id);
  }

  public Optional<Organization> organization(String code) {
    return Optional.ofNullable(code == null ? null : organizationsByCode.get(code));
  }

  public Committee committee(long id) {
    return committees.get(id);
  }

  public Optional<Committee> committee(String code) {
    return Optional.ofNullable(code == null ? null : committeesByCode.get(code));
  }

  /** The organization, then its parent, and so on up to the root. */
  public List<Organization> lineage(long organizationId) {
    List<Organization> line = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (Organization o = organizations.get(organizationId); o != null && seen.add(o.id());
        o = o.parentId() == null ? null : organizations.get(o.parentId())) {
      line.add(o);
    }
    return line;
  }

  /** Whether {@code organizationId} is {@code ancestorId} or lies below it. */
  public boolean within(long organizationId, long ancestorId) {
    return lineage(organizationId).stream().anyMatch(o -> o.id() == ancestorId);
  }

  /** The root's 自治区职改办. */
  public Optional<Organization> regionOffice() {
    return organizations.values().stream().filter(o -> o.kind() == OrganizationKind.REGION_OFFICE).findFirst();
  }

  /** What the organization is to the committee on {@code day} (监管方案 三（二）); empty: nothing. */
  public Set<Capacity> capacities(long organizationId, Committee committee, LocalDate day) {
    Set<Capacity> capacities = EnumSet.noneOf(Capacity.class);
    Organization organization = organizations.get(organizationId);
    if (organization == null) {
      return capacities;
    }
    if (organizationId == committee.organisingUnitId()) {
      capacities.add(Capacity.ORGANISER);
    }
    if (organizationId == committee.approvingUnitId()) {
      capacities.add(Capacity.APPROVER);
    }
    if (organization.kind().office() && (within(committee.organisingUnitId(), organizationId)
        || within(committee.approvingUnitId(), organizationId))) {
      capacities.add(Capacity.SUPERVISING_OFFICE);
    }
    if (committee.industryDepartmentId() != null && organization.kind() == OrganizationKind.DEPARTMENT
        && within(committee.industryDepartmentId(), organizationId)) {
      capacities.add(Capacity.INDUSTRY);
    }
    if (grants.stream().anyMatch(g -> g.committeeId() == committee.id() && g.granteeId() == organizationId
        && g.activeOn(day))) {
      capacities.add(Capacity.GRANTEE);
    }
    return capacities;
  }

  /** Every organization with a standing towards the committee on {@code day}: whose people may see it at all. */
  public Set<Organization> jurisdiction(Committee committee, LocalDate day) {
    Set<Long> candidates = new LinkedHashSet<>();
    lineage(committee.organisingUnitId()).forEach(o -> candidates.add(o.id()));
    lineage(committee.approvingUnitId()).forEach(o -> candidates.add(o.id()));
    if (committee.industryDepartmentId() != null) {
      lineage(committee.industryDepartmentId()).forEach(o -> candidates.add(o.id()));
    }
    grants.stream().filter(g -> g.committeeId() == committee.id()).forEach(g -> candidates.add(g.granteeId()));
    Set<Organization> jurisdiction = new LinkedHashSet<>();
    for (long id : candidates) {
      if (!capacities(id, committee, day).isEmpty()) {
        jurisdiction.add(organizations.get(id));
      }
    }
    return jurisdiction;
  }

  /** The committees the organization has any standing towards on {@code day}. */
  public List<Committee> committeesOf(long organizationId, LocalDate day) {
    return committees().stream().filter(c -> !capacities(organizationId, c, day).isEmpty()).toList();
  }

  /** The grants of the committee that can still be in force (the registry keeps the others). */
  public List<Grant> grants(long committeeId) {
    return grants.stream().filter(g -> g.committeeId() == committeeId).toList();
  }
}
