package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.SessionRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The organising unit's staff an inspection concerns: the staff of the inspected session, or of every session of the
 * inspected committee. They answer its findings ({@code ${inspectionStaff.userIds(inspectionId)}}) and are the only
 * staff who read it; the other groups read every inspection.
 */
@Component("inspectionStaff")
public class InspectionStaff {

  private final InspectionRepository inspections;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;

  public InspectionStaff(InspectionRepository inspections, SessionRepository sessions, CurrentUser currentUser) {
    this.inspections = inspections;
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  public List<String> userIds(Number inspectionId) {
    return userIds(inspections.find(inspectionId.longValue()).orElseThrow());
  }

  /** Whether the caller may read the inspection. */
  public boolean visible(Inspection inspection) {
    boolean otherRole = currentUser.isIn(Groups.ADMIN) || List.of(InspectionController.READERS).stream()
        .anyMatch(g -> !g.equals(Groups.STAFF) && currentUser.isIn(g));
    return otherRole || userIds(inspection).contains(currentUser.id());
  }

  public Inspection readable(long id) {
    Inspection inspection = inspections.find(id).orElseThrow(() -> BusinessException.notFound("督查 " + id + " 不存在"));
    if (!visible(inspection)) {
      throw BusinessException.forbidden("账号 " + currentUser.id() + " 不是督查 " + id + " 所涉评审会的工作人员，不能查看");
    }
    return inspection;
  }

  List<String> userIds(Inspection inspection) {
    return inspection.sessionId() != null ? sessions.staff(inspection.sessionId())
        : sessions.staffOfCommittee(inspection.committeeName());
  }
}
