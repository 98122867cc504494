package cn.gx.titlereview.platform.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A person the identity provider vouches for, but whom the product cannot let in: no organization or role that maps,
 * an organization not in the region's tree, two of the three administrators at once. The message, in Chinese, says
 * what to correct and who corrects it; the login page shows it with status 403, an API call gets it as 403.
 */
public class SingleSignOnRefused extends AuthenticationException {

  private final String userId;

  public SingleSignOnRefused(String userId, String message) {
    super(message);
    this.userId = userId;
  }

  /** The account the claims named, or null when they named none. */
  public String userId() {
    return userId;
  }
}
