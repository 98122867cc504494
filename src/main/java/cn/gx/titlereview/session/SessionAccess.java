package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds a session for an API call or a page and checks that the caller may act on it, by the caller's role and their
 * organization's standing towards the session's committee (监管方案 三（二）谁批准组建，谁负责监管; docs/security.md):
 * <ul>
 *   <li>staff act on the sessions whose staff list names them, in their own organising unit;</li>
 *   <li>supervisors and unit heads act on the sessions of their own unit's committees;</li>
 *   <li>approvers act on the committees their unit approved, and read those of the subtree of their 职改办, of their
 *       industry, and those opened to their organization for an inspection; department heads read likewise;</li>
 *   <li>administrators pass; everyone else gets 403.</li>
 * </ul>
 * The engine applies the same rule to tasks (candidates) and to instances (the committee's tenant).
 *
 * <p>Every change of a session's data passes through {@link #forWrite}: once the session is closed (评审结果已确认, or
 * 未获确认) its facts are frozen and every write is refused with 409, whoever asks. A later correction is a fact of
 * an inspection (督查：复查、倒查), recorded beside the record and never in it.
 */
@Component
public class SessionAccess {

  /** The standings from which approvers and department heads read a committee's sessions. */
  private static final Set<Capacity> SUPERVISING = EnumSet.of(Capacity.APPROVER, Capacity.SUPERVISING_OFFICE,
      Capacity.INDUSTRY, Capacity.GRANTEE);

  private final SessionRepository sessions;
  private final CurrentUser currentUser;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;

  public SessionAccess(SessionRepository sessions, CurrentUser currentUser, Jurisdiction jurisdiction,
      AuditTrail audit) {
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  /** Staff may change a session's data only when they are on its staff list, and only while it is open. */
  public ReviewSession forStaff(String code) {
    return forWrite(code, Groups.STAFF);
  }

  /**
   * The groups may change the session's data (each from its own standing), while the session is open: the one door
   * of every write. A closed session answers 409 「评审结果已确认，不得修改」.
   */
  public ReviewSession forWrite(String code, String... groups) {
    currentUser.requireAnyGroup(groups);
    ReviewSession session = sessions.getByCode(code);
    if (!currentUser.isIn(Groups.ADMIN) && !may(session, true, groups)) {
      throw refused(session, "修改", groups);
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

  /** The groups may read, each from its own standing towards the session's committee. */
  public ReviewSession forGroups(String code, String... groups) {
    currentUser.requireAnyGroup(groups);
    ReviewSession session = sessions.getByCode(code);
    if (!currentUser.isIn(Groups.ADMIN) && !may(session, false, groups)) {
      throw refused(session, "查看", groups);
    }
    return session;
  }

  /**
   * A confidential view of the session (the drawn experts' names, their replies, 附件2): the session's own staff and
   * its unit's supervisors only (附件2 五: 不泄露评委名单), and every read is written to the audit trail.
   */
  public ReviewSession forConfidential(String code, String what) {
    ReviewSession session = forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    audit.record(AuditKind.CONFIDENTIAL_READ, session.code(), what);
    return session;
  }

  /** Whether the caller reads the session as one of the groups; for lists, which leave out what they may not. */
  public boolean mayRead(ReviewSession session, String... groups) {
    return currentUser.isIn(Groups.ADMIN) || may(session, false, groups);
  }

  private boolean may(ReviewSession session, boolean write, String... groups) {
    Set<Capacity> standing = standing(session);
    for (String group : groups) {
      if (!currentUser.isIn(group)) {
        continue;
      }
      boolean allowed = switch (group) {
        case Groups.STAFF -> standing.contains(Capacity.ORGANISER) && isOnStaff(session);
        case Groups.SUPERVISOR, Groups.UNIT_HEAD -> standing.contains(Capacity.ORGANISER);
        case Groups.APPROVER -> write ? standing.contains(Capacity.APPROVER)
            : standing.stream().anyMatch(SUPERVISING::contains);
        case Groups.DEPT_HEAD -> !write && standing.stream().anyMatch(SUPERVISING::contains);
        default -> false;
      };
      if (allowed) {
        return true;
      }
    }
    return false;
  }

  /**
   * The committees whose sessions the caller reads as one who supervises them (approvers and department heads), for
   * lists; null for an administrator, who reads all.
   */
  public Set<Long> supervisedCommittees() {
    if (currentUser.isIn(Groups.ADMIN)) {
      return null;
    }
    if (!currentUser.isIn(Groups.APPROVER) && !currentUser.isIn(Groups.DEPT_HEAD)) {
      return Set.of();
    }
    return jurisdiction.committeesWith(currentUser.id(), SUPERVISING);
  }

  /** What the caller's organization is to the session's committee today. */
  public Set<Capacity> standing(ReviewSession session) {
    Committee committee = jurisdiction.region().committee(session.committeeId());
    return committee == null ? Set.of() : jurisdiction.capacities(currentUser.id(), committee);
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

  private BusinessException refused(ReviewSession session, String action, String... groups) {
    Set<Capacity> standing = standing(session);
    if (standing.contains(Capacity.ORGANISER) && currentUser.isIn(Groups.STAFF)
        && Arrays.asList(groups).contains(Groups.STAFF)) {
      return BusinessException.forbidden("账号 " + currentUser.id() + " 不是评审会 " + session.code() + " 的工作人员，不能"
          + action + "其数据");
    }
    String organization = jurisdiction.organizationOf(currentUser.id()).map(o -> "（" + o.name() + "）").orElse("（未归属任何单位）");
    return BusinessException.forbidden("账号 " + currentUser.id() + organization + "对评审会 " + session.code() + " 所属的评委会“"
        + session.committeeName() + "”" + (standing.isEmpty() ? "没有组建、核准或监管关系" : "不负有此项职责")
        + "，不能" + action + "其数据");
  }
}
