package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.session.SessionRepository;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The organising unit's staff an inspection concerns: the staff of the inspected session, or of every session of the
 * inspected committee. They answer its findings ({@code ${inspectionStaff.userIds(inspectionId)}}) and are the only
 * staff who read it; the other groups read the inspections of the committees their organization supervises.
 */
@Component("inspectionStaff")
public class InspectionStaff {

  /** The standings from which approvers and department heads read an inspection of a committee. */
  private static final Set<Capacity> SUPERVISING = EnumSet.of(Capacity.APPROVER, Capacity.SUPERVISING_OFFICE,
      Capacity.INDUSTRY, Capacity.GRANTEE);

  private final InspectionRepository inspections;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;
  private final Jurisdiction jurisdiction;

  public InspectionStaff(InspectionRepository inspections, SessionRepository sessions, CurrentUser currentUser,
      Jurisdiction jurisdiction) {
    this.inspections = inspections;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.jurisdiction = jurisdiction;
  }

  public List<String> userIds(Number inspectionId) {
    return userIds(inspections.find(inspectionId.longValue()).orElseThrow());
  }

  /**
   * Whether the caller may read the inspection: the organising unit's supervisors and heads, and its staff who work
   * on the sessions concerned; the approvers and department heads of the organizations supervising the committee.
   */
  public boolean visible(Inspection inspection) {
    if (currentUser.isIn(Groups.ADMIN)) {
      return true;
    }
    Set<Capacity> standing = jurisdiction.capacities(currentUser.id(),
        jurisdiction.region().committee(inspection.committeeId()));
    boolean supervising = (currentUser.isIn(Groups.APPROVER) || currentUser.isIn(Groups.DEPT_HEAD))
        && standing.stream().anyMatch(SUPERVISING::contains);
    boolean organising = standing.contains(Capacity.ORGANISER) && (currentUser.isIn(Groups.SUPERVISOR)
        || currentUser.isIn(Groups.UNIT_HEAD) || userIds(inspection).contains(currentUser.id()));
    return supervising || organising;
  }

  public Inspection readable(long id) {
    Inspection inspection = inspections.find(id).orElseThrow(() -> BusinessException.notFound("督查 " + id + " 不存在"));
    if (!visible(inspection)) {
      throw BusinessException.forbidden("账号 " + currentUser.id() + " 对督查 " + id + " 所涉评委会没有组建、核准或监管关系，"
          + "也不是所涉评审会的工作人员，不能查看");
    }
    return inspection;
  }

  /** The inspection, for one who inspects: its inspecting organization's people or a supervising office's. */
  public Inspection inspectable(long id) {
    Inspection inspection = readable(id);
    Set<Capacity> standing = jurisdiction.capacities(currentUser.id(),
        jurisdiction.region().committee(inspection.committeeId()));
    if (!currentUser.isIn(Groups.ADMIN) && standing.stream().noneMatch(InspectionService.INSPECTING::contains)) {
      throw BusinessException.forbidden("账号 " + currentUser.id() + " 不能办理督查 " + id + "：须为所涉评委会的核准单位、上级职改办"
          + "或受托检查单位的人员");
    }
    return inspection;
  }

  List<String> userIds(Inspection inspection) {
    return inspection.sessionId() != null ? sessions.staff(inspection.sessionId())
        : sessions.staffOfCommittee(inspection.committeeId());
  }
}
