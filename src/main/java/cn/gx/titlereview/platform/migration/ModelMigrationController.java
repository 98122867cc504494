package cn.gx.titlereview.platform.migration;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators move one session's waiting stage to the stage model's latest version (docs/designers.md). */
@RestController
@RequestMapping("/api/admin/sessions")
public class ModelMigrationController {

  private final ModelMigration migration;
  private final CurrentUser currentUser;

  public ModelMigrationController(ModelMigration migration, CurrentUser currentUser) {
    this.migration = migration;
    this.currentUser = currentUser;
  }

  /** {@code processKey}: the stage's process id (SealedReview, Publicity…) or TitleReviewSession for the session itself. */
  @PostMapping("/{code}/migrations/{processKey}")
  public ModelMigration.Result migrate(@PathVariable String code, @PathVariable String processKey) {
    currentUser.requireAnyGroup(Groups.ADMIN);
    return migration.toLatest(processKey, code);
  }
}
