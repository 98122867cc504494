package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.migration.ModelMigration;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The system administrator moves one open session's waiting stage (or the session itself) to the model's latest
 * version (docs/designers.md): model work, which reads no business data (三员分立). Everyone else gets 403; a closed
 * session, like every write, 409.
 */
@RestController
@RequestMapping("/api/admin/sessions")
class SessionMigrationController {

  private final ModelMigration migration;
  private final SessionAccess access;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  SessionMigrationController(ModelMigration migration, SessionAccess access, SessionRepository sessions,
      CurrentUser currentUser, AuditTrail audit) {
    this.migration = migration;
    this.access = access;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** {@code processKey}: the stage's process id (SealedReview, Publicity…) or TitleReviewSession for the session itself. */
  @PostMapping("/{code}/migrations/{processKey}")
  public ModelMigration.Result migrate(@PathVariable String code, @PathVariable String processKey) {
    currentUser.requireAnyGroup(Groups.SYSTEM_ADMIN);
    ReviewSession session = sessions.getByCode(code);
    access.requireOpen(session);
    ModelMigration.Result result = migration.toLatest(processKey, session.code());
    audit.record(AuditKind.MIGRATION, session.code(), "将流程 " + result.processKey() + " 从第 " + result.fromVersion()
        + " 版迁移到第 " + result.toVersion() + " 版，流程实例 " + result.processInstanceIds().size() + " 个");
    return result;
  }
}
