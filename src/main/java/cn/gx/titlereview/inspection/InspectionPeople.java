package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.EngineJurisdiction;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import cn.gx.titlereview.region.Region;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Who an inspection's tasks are offered to, named in {@code bpmn/Inspection.bpmn}: the approvers of the organization
 * that inspects ({@code ${inspectionPeople.inspectors(inspectionId)}}); for an overdue rectification, its department
 * heads ({@code escalation}); for a complaint clue, the approvers of the 自治区职改办, who supervise intermediate and
 * junior committees on site (监管方案 三（二）, last sentence).
 */
@Component("inspectionPeople")
public class InspectionPeople {

  private final InspectionRepository inspections;
  private final Jurisdiction jurisdiction;

  InspectionPeople(InspectionRepository inspections, Jurisdiction jurisdiction) {
    this.inspections = inspections;
    this.jurisdiction = jurisdiction;
  }

  /** The inspecting organization's approvers; for an inspection opened before the region, the approving unit's. */
  public String inspectors(Number inspectionId) {
    return EngineJurisdiction.roleGroup(Groups.APPROVER, inspecting(inspectionId));
  }

  /**
   * The department heads of the inspecting organization, else of the committee's industry department, else its
   * approvers: an overdue rectification always reaches someone who can act on it.
   */
  public String escalation(Number inspectionId) {
    Region region = jurisdiction.region();
    Organization inspecting = inspecting(inspectionId);
    Committee committee = region.committee(inspections.find(inspectionId.longValue()).orElseThrow().committeeId());
    Organization industry = committee.industryDepartmentId() == null ? null
        : region.organization(committee.industryDepartmentId());
    return Stream.of(inspecting, industry).filter(o -> o != null && jurisdiction.hasRole(o, Groups.DEPT_HEAD))
        .map(o -> EngineJurisdiction.roleGroup(Groups.DEPT_HEAD, o)).findFirst()
        .orElse(EngineJurisdiction.roleGroup(Groups.APPROVER, inspecting));
  }

  /** The approvers of the 自治区职改办. */
  public String regionOffice() {
    return EngineJurisdiction.roleGroup(Groups.APPROVER, jurisdiction.region().regionOffice().orElseThrow());
  }

  private Organization inspecting(Number inspectionId) {
    InspectionRepository.Inspection inspection = inspections.find(inspectionId.longValue()).orElseThrow();
    Region region = jurisdiction.region();
    return inspection.inspectingOrgId() != null ? region.organization(inspection.inspectingOrgId())
        : region.organization(region.committee(inspection.committeeId()).approvingUnitId());
  }
}
