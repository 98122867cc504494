package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.EngineJurisdiction;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Region;
import org.springframework.stereotype.Component;

/**
 * Who a session's role tasks are offered to, named in the models: {@code ${sessionPeople.organising(sessionId,
 * 'supervisor')}} is the group of the supervisors of the session's organising unit, {@code
 * ${sessionPeople.approving(sessionId)}} that of the approvers of the unit that approved the committee. Nobody else in
 * the region is offered them, whatever groups they are in (监管方案 三（二）谁批准组建，谁负责监管).
 */
@Component("sessionPeople")
public class SessionPeople {

  private final SessionRepository sessions;
  private final Jurisdiction jurisdiction;

  SessionPeople(SessionRepository sessions, Jurisdiction jurisdiction) {
    this.sessions = sessions;
    this.jurisdiction = jurisdiction;
  }

  /** The group of {@code role} in the session's organising unit, e.g. {@code supervisor@GX-UNIT-A}. */
  public String organising(Number sessionId, String role) {
    Region region = jurisdiction.region();
    return EngineJurisdiction.roleGroup(role, region.organization(committee(sessionId, region).organisingUnitId()));
  }

  /** The group of the approvers of the unit that approved the session's committee, e.g. {@code approver@GX-NN}. */
  public String approving(Number sessionId) {
    Region region = jurisdiction.region();
    return EngineJurisdiction.roleGroup(Groups.APPROVER,
        region.organization(committee(sessionId, region).approvingUnitId()));
  }

  private Committee committee(Number sessionId, Region region) {
    return region.committee(sessions.get(sessionId.longValue()).committeeId());
  }
}
