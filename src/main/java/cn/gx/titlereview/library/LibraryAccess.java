package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a committee's library: its keeper is the staff of the committee's organising unit, who import
 * and change it; the organising unit, the approving unit and the 职改办 above it read it (监管方案 三（二）谁批准组建，
 * 谁负责监管). Every door of the library passes here.
 */
@Component
class LibraryAccess {

  /** The standings from which a library is read. */
  private static final Set<Capacity> READERS = EnumSet.of(Capacity.ORGANISER, Capacity.APPROVER,
      Capacity.SUPERVISING_OFFICE);

  private final Jurisdiction jurisdiction;
  private final CurrentUser currentUser;

  LibraryAccess(Jurisdiction jurisdiction, CurrentUser currentUser) {
    this.jurisdiction = jurisdiction;
    this.currentUser = currentUser;
  }

  Committee committee(String code) {
    return jurisdiction.region().committee(code)
        .orElseThrow(() -> BusinessException.notFound("评委会 " + code + " 不存在"));
  }

  /** The committee, if the caller may read its library. */
  Committee forRead(String code) {
    Committee committee = committee(code);
    if (!currentUser.isIn(Groups.ADMIN) && !mayRead(committee)) {
      throw BusinessException.forbidden("账号 " + currentUser.id() + " 所在单位不是评委会 " + code
          + " 的组建单位、核准单位或上级职改办，不能查看其专家库");
    }
    return committee;
  }

  /** The committee, if the caller keeps its library. */
  Committee forKeeper(String code) {
    Committee committee = committee(code);
    if (!isKeeper(committee)) {
      throw BusinessException.forbidden("评委会 " + code + " 的专家库只能由其组建单位的工作人员维护");
    }
    return committee;
  }

  boolean isKeeper(Committee committee) {
    return currentUser.isIn(Groups.STAFF)
        && jurisdiction.capacities(currentUser.id(), committee).contains(Capacity.ORGANISER);
  }

  boolean mayRead(Committee committee) {
    return jurisdiction.capacities(currentUser.id(), committee).stream().anyMatch(READERS::contains);
  }

  String userId() {
    return currentUser.id();
  }
}
