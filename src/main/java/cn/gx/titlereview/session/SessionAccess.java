package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Finds a session for an API call or a page and checks that the caller may act on it. A member of {@code staff}
 * acts only on the sessions whose staff list names them; the supervisors, unit heads and approving units have their
 * role in every session; administrators pass. The engine applies the same rule to tasks (candidate users).
 *
 * <p>Every change of a session's data passes through {@link #forWrite}: once the session is closed (评审结果已确认, or
 * 未获确认) its facts are frozen and every write is refused with 409, whoever asks. A later correction is a fact of
 * an inspection (督查：复查、倒查), recorded beside the record and never in it.
 */
@Component
public class SessionAccess {

  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  public SessionAccess(SessionRepository sessions, CurrentUser currentUser) {
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  /** Staff may change a session's data only when they are on its staff list, and only while it is open. */
  public ReviewSession forStaff(String code) {
    return forWrite(code, Groups.STAFF);
  }

  /**
   * The groups may change the session's data (staff only their own sessions), while the session is open: the one
   * door of every write. A closed session answers 409 「评审结果已确认，不得修改」.
   */
  public ReviewSession forWrite(String code, String... groups) {
    currentUser.requireAnyGroup(groups);
    ReviewSession session = sessions.getByCode(code);
    if (!currentUser.isIn(Groups.ADMIN) && !hasOtherRole(groups) && !isOnStaff(session)) {
      throw notOnStaff(code, "修改");
    }
    requireOpen(session);
    return session;
  }

  /** Refuses any change to a closed session, naming how and when it was closed. */
  public void requireOpen(ReviewSession session) {
    sessions.closure(session.id()).ifPresent(closure -> {
      throw BusinessException.conflict(frozen(session, closure));
    });
  }

  static String frozen(ReviewSession session, SessionRepository.Closure closure) {
    String when = "（评审会 " + session.code() + " 已于 " + PlatformConfig.MINUTES.format(closure.closedAt())
        + (closure.closedBy() == null ? "" : " 由 " + closure.closedBy()) + " ";
    return closure.confirmed()
        ? "评审结果已确认，不得修改" + when + "确认；如需更正，由核准单位发起督查（复查或倒查）并登记更正，经签发后与记录表并列显示）"
        : "评审结果未获确认，评审会已结束，不得修改" + when + "办结）";
  }

  /** The groups may read; a user who is only in {@code staff} among them reads only their own sessions. */
  public ReviewSession forGroups(String code, String... groups) {
    currentUser.requireAnyGroup(groups);
    ReviewSession session = sessions.getByCode(code);
    if (!currentUser.isIn(Groups.ADMIN) && !hasOtherRole(groups) && !isOnStaff(session)) {
      throw notOnStaff(code, "查看");
    }
    return session;
  }

  /** A role in every session: one of the groups other than staff. */
  private boolean hasOtherRole(String... groups) {
    return Arrays.stream(groups).anyMatch(g -> !g.equals(Groups.STAFF) && currentUser.isIn(g));
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
