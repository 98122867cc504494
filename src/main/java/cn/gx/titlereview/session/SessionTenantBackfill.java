package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.migration.InstanceTenants;
import cn.gx.titlereview.region.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The upgrade to the region (V31) attached every session to a committee; this gives the process instances of those
 * sessions — the session, its stages, complaints and late pledges about it — their committee's tenant, so that
 * Tasklist, Cockpit and {@code /engine-rest} keep them to the committee's jurisdiction like new ones.
 */
@Component
@Order(20)
class SessionTenantBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTenantBackfill.class);

  private final InstanceTenants tenants;
  private final SessionRepository sessions;
  private final Jurisdiction jurisdiction;

  SessionTenantBackfill(InstanceTenants tenants, SessionRepository sessions, Jurisdiction jurisdiction) {
    this.tenants = tenants;
    this.sessions = sessions;
    this.jurisdiction = jurisdiction;
  }

  @Override
  public void run(ApplicationArguments args) {
    int instances = 0;
    for (String variable : SessionTenants.SESSION_VARIABLES) {
      for (InstanceTenants.Untenanted root : tenants.untenantedRoots(variable)) {
        String code = root.variable() != null ? root.variable() : root.businessKey();
        ReviewSession session = code == null ? null : sessions.findByCode(code).orElse(null);
        if (session != null) {
          tenants.assign(root.id(), jurisdiction.region().committee(session.committeeId()).code());
          instances++;
        }
      }
    }
    if (instances > 0) {
      LOG.info("已为 {} 个升级前发起的评审会相关流程实例设置所属评委会（租户）", instances);
    }
  }
}
