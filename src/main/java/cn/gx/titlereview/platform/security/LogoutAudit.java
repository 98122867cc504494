package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** A logout (our pages' or the webapps' button) is an audit line; logins are recorded where they are checked. */
@Component
class LogoutAudit {

  private final AuditTrail audit;

  LogoutAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @EventListener
  void loggedOut(LogoutSuccessEvent event) {
    String user = event.getAuthentication().getName();
    audit.record(user, AuditKind.LOGOUT, user, "退出登录");
  }
}
