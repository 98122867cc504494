package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import org.springframework.stereotype.Component;

/** Finds a session for an API call and checks that the caller may act on it. */
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
    String user = currentUser.id();
    if (!currentUser.isIn(Groups.ADMIN) && !sessions.staff(session.id()).contains(user)) {
      throw BusinessException.forbidden("账号 " + user + " 不是评审会 " + code + " 的工作人员，不能修改其数据");
    }
    return session;
  }

  public ReviewSession forGroups(String code, String... groups) {
    currentUser.requireAnyGroup(groups);
    return sessions.getByCode(code);
  }

  public boolean isIn(String group) {
    return currentUser.isIn(group);
  }

  public String userId() {
    return currentUser.id();
  }
}
