package cn.gx.titlereview.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A person's name as pages and documents show it: 姓名 in Chinese order. Accounts hold the surname (姓) in the
 * engine's first name and the given name (名) in its last name, so that the webapps, which print "first last",
 * show 「李 明」, and our pages 「李明」. An account without a name shows its id.
 */
@Component
public class UserNames {

  private final IdentityService identityService;
  private final SystemAuthority system;

  public UserNames(IdentityService identityService, SystemAuthority system) {
    this.identityService = identityService;
    this.system = system;
  }

  /** 「李明」, or the account id when the account has no name (or no longer exists). */
  public String name(String userId) {
    if (userId == null) {
      return "";
    }
    User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    String name = user == null ? "" : nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName());
    return name.isBlank() ? userId : name.trim();
  }

  /** 「李明（staff1）」: the name with the account, for evidence lines. */
  public String nameWithAccount(String userId) {
    String name = name(userId);
    return name.equals(userId) ? userId : name + "（" + userId + "）";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
