package cn.gx.titlereview.platform.security;

/**
 * Makes an account what single sign-on says it is, at each login: the engine's user, exactly the mapped groups
 * (memberships removed as well as added), and the account's organization in the region. Kept by the region, which
 * knows the organizations.
 */
public interface SingleSignOnAccounts {

  /**
   * Creates or updates the account, all or nothing.
   *
   * @throws SingleSignOnRefused when the organization is not in the region's tree or the engine refuses the account
   *     id; nothing is written then
   */
  void follow(ClaimedIdentity identity);
}
