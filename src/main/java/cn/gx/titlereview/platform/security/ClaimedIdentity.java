package cn.gx.titlereview.platform.security;

import java.util.List;

/**
 * Who the province's identity provider says a person is, in the product's terms: the account, the person's name,
 * the organization's code in the region's tree and the product's roles there (already mapped, never empty).
 */
public record ClaimedIdentity(String userId, String name, String email, String organizationCode,
    List<String> groups) {

  public ClaimedIdentity {
    groups = List.copyOf(groups);
  }
}
