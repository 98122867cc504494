package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Finds a session for an API call or a page and checks that the caller may act on it. A member of {@code staff}
 * acts only on the sessions whose staff list names them; the supervisors, unit heads and approving units have their
 * role in every session; administrators pass. The engine applies the same rule to tasks (candidate users).
 */
@Component
public class SessionAccess {

  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  public SessionAccess(SessionRepository sessions, CurrentUser currentUser) {
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  /** Staff may change a session's data only when they are on its staff list. */
  public ReviewSession forStaff(String code) {
    currentUser.requireAnyGroup(Groups.STAFF);
    ReviewSession session = sessions.getByCode(code);
    if (!currentUser.isIn(Groups.ADMIN) && !isOnStaff(session)) {
      throw notOnStaff(code, "修改");
    }
    return session;
  }

  /** The groups may read; a user who is only in {@code staff} among them reads only their own sessions. */
  public ReviewSession forGroups(String code, String... groups) {
    currentUser.requireAnyGroup(groups);
    ReviewSession session = sessions.getByCode(code);
    boolean otherRole = currentUser.isIn(Groups.ADMIN)
        || Arrays.stream(groups).anyMatch(g -> !g.equals(Groups.STAFF) && currentUser.isIn(g));
    if (!otherRole && !isOnStaff(session)) {
      throw notOnStaff(code, "查看");
    }
    return session;
  }

  public boolean isOnStaff(ReviewSession session) {
    return sessions.staff(session.id()).contains(currentUser.id());
  }

  public boolean isIn(String group) {
    return currentUser.isIn(group);
  }

  public String userId() {
    return currentUser.id();
  }

  private BusinessException notOnStaff(String code, String action) {
    return BusinessException.forbidden("账号 " + currentUser.id() + " 不是评审会 " + code + " 的工作人员，不能"
        + action + "其数据");
  }
}
