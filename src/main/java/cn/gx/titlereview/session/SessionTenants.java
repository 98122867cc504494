package cn.gx.titlereview.session;

import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every process instance belongs to its committee's tenant (docs/decisions.md, "A tenant per committee"): the models
 * are deployed once for all, and the instance of a session, of its stages, of a complaint about it or of an
 * inspection of its committee carries the committee's code, so that the engine shows it only to the organizations in
 * the committee's jurisdiction. A called stage inherits its caller's tenant; a decision its instance's.
 */
@Component
class SessionTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  /** The start variable that names the committee: the session's start form, an inspection. */
  static final String COMMITTEE_VARIABLE = "committeeCode";
  /** The start variables that name a session: a late staff pledge's, a complaint's (its start form). */
  static final List<String> SESSION_VARIABLES = List.of("sessionCode", "complaintSessionCode");

  // Looked up when the first instance starts: the engine is configured before the repositories are.
  private final ObjectProvider<Jurisdiction> jurisdiction;
  private final ObjectProvider<SessionRepository> sessions;

  SessionTenants(ObjectProvider<Jurisdiction> jurisdiction, ObjectProvider<SessionRepository> sessions) {
    this.jurisdiction = jurisdiction;
    this.sessions = sessions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    if (context.getVariables().get(COMMITTEE_VARIABLE) instanceof String code) {
      return jurisdiction.getObject().region().committee(code.trim()).map(Committee::code).orElse(null);
    }
    for (String variable : SESSION_VARIABLES) {
      if (context.getVariables().get(variable) instanceof String code) {
        return sessions.getObject().findByCode(code.trim()).flatMap(this::committeeCode).orElse(null);
      }
    }
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }

  private Optional<String> committeeCode(ReviewSession session) {
    return Optional.ofNullable(jurisdiction.getObject().region().committee(session.committeeId()))
        .map(Committee::code);
  }
}
