package cn.gx.titlereview.oversight;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import cn.gx.titlereview.region.OrganizationKind;
import cn.gx.titlereview.region.Region;
import cn.gx.titlereview.session.SessionAccess;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the caller may see of the committees: those it supervises (谁批准组建，谁负责监管; a city's 职改办 its subtree,
 * an industry department its industry), as {@link SessionAccess#supervisedCommittees()} answers for the supervision
 * view — one rule for both.
 */
@Component
class OversightScope {

  /** Who reads the oversight pages: the approving units and 职改办, and the industry departments. */
  static final String[] READERS = {Groups.APPROVER, Groups.DEPT_HEAD};

  private final SessionAccess access;
  private final CurrentUser currentUser;
  private final Jurisdiction jurisdiction;

  OversightScope(SessionAccess access, CurrentUser currentUser, Jurisdiction jurisdiction) {
    this.access = access;
    this.currentUser = currentUser;
    this.jurisdiction = jurisdiction;
  }

  /** The committees the caller supervises, with a level, series and city (any when null), by code. */
  List<Committee> committees(String level, String series, String cityCode) {
    currentUser.requireAnyGroup(READERS);
    Set<Long> supervised = access.supervisedCommittees();
    Region region = jurisdiction.region();
    Organization city = cityCode == null ? null : region.organization(cityCode)
        .orElseThrow(() -> BusinessException.badRequest("城市 " + cityCode + " 不存在"));
    return region.committees().stream()
        .filter(c -> supervised == null || supervised.contains(c.id()))
        .filter(c -> level == null || c.level().equals(level))
        .filter(c -> series == null || c.series().equals(series))
        .filter(c -> city == null || region.within(c.organisingUnitId(), city.id())
            || region.within(c.approvingUnitId(), city.id()))
        .sorted(Comparator.comparing(Committee::code)).toList();
  }

  Set<Long> ids(List<Committee> committees) {
    return committees.stream().map(Committee::id).collect(Collectors.toSet());
  }

  /** A committee the caller supervises, or 404 / 403 in words. */
  Committee committee(String code) {
    currentUser.requireAnyGroup(READERS);
    Committee committee = jurisdiction.region().committee(code)
        .orElseThrow(() -> BusinessException.notFound("评委会 " + code + " 不存在"));
    Set<Long> supervised = access.supervisedCommittees();
    if (supervised != null && !supervised.contains(committee.id())) {
      throw BusinessException.forbidden("评委会“" + committee.name() + "”不在本单位监管范围内");
    }
    return committee;
  }

  /** Whether the caller's organization approved the committee or supervises it as a 职改办: who acts on a flag. */
  boolean mayAct(Committee committee) {
    if (currentUser.isIn(Groups.ADMIN)) {
      return true;
    }
    Set<Capacity> standing = jurisdiction.capacities(currentUser.id(), committee);
    return currentUser.isIn(Groups.APPROVER)
        && (standing.contains(Capacity.APPROVER) || standing.contains(Capacity.SUPERVISING_OFFICE));
  }

  /** Whether the caller may import past years (approving units and 职改办, administrators). */
  boolean mayImport() {
    return currentUser.isIn(Groups.APPROVER) || currentUser.isIn(Groups.ADMIN);
  }

  /** The cities' 职改办 under which the caller has committees, for the filter. */
  List<Organization> cities() {
    Region region = jurisdiction.region();
    List<Committee> mine = committees(null, null, null);
    return region.organizations().stream().filter(o -> o.kind() == OrganizationKind.CITY_OFFICE)
        .filter(o -> mine.stream().anyMatch(c -> region.within(c.organisingUnitId(), o.id())
            || region.within(c.approvingUnitId(), o.id())))
        .sorted(Comparator.comparing(Organization::code)).toList();
  }

  /** The series of the caller's committees, for the filter. */
  List<String> series() {
    return committees(null, null, null).stream().map(Committee::series).distinct().sorted().toList();
  }

  String user() {
    return currentUser.id();
  }
}
