package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.migration.ModelMigration;
import cn.gx.titlereview.platform.security.Groups;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators move one open session's waiting stage (or the session itself) to the model's latest version
 * (docs/designers.md). Everyone else gets 403; a closed session, like every write, 409.
 */
@RestController
@RequestMapping("/api/admin/sessions")
class SessionMigrationController {

  private final ModelMigration migration;
  private final SessionAccess access;

  SessionMigrationController(ModelMigration migration, SessionAccess access) {
    this.migration = migration;
    this.access = access;
  }

  /** {@code processKey}: the stage's process id (SealedReview, Publicity…) or TitleReviewSession for the session itself. */
  @PostMapping("/{code}/migrations/{processKey}")
  public ModelMigration.Result migrate(@PathVariable String code, @PathVariable String processKey) {
    ReviewSession session = access.forWrite(code, Groups.ADMIN);
    return migration.toLatest(processKey, session.code());
  }
}
