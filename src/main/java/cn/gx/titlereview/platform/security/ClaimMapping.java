package cn.gx.titlereview.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one mapping from a provider's claims to the product's account, organization and roles, for every way single
 * sign-on arrives (an OIDC login, a bearer token, a provincial ticket's user-info). Role values the mapping does not
 * name are other systems' roles and are ignored; a person left with no role of this product is refused, and so is
 * one given two of the three administrators, or one of them beside a business role (三员分立).
 */
@Component
class ClaimMapping {

  private final SingleSignOnSettings settings;

  ClaimMapping(SingleSignOnSettings settings) {
    this.settings = settings;
  }

  ClaimedIdentity map(Map<String, Object> claims) {
    SingleSignOnSettings.Claims names = settings.claims();
    String user = text(claims.get(names.user()));
    if (user == null) {
      throw new SingleSignOnRefused(null, "统一身份认证没有提供账号（声明 " + names.user() + "），无法登录：请联系统一身份认证的管理员");
    }
    String organization = text(claims.get(names.organization()));
    if (organization == null) {
      throw new SingleSignOnRefused(user, "统一身份认证没有提供账号 " + user + " 的所属单位编码（声明 " + names.organization()
          + "），无法登录：请联系统一身份认证的管理员补全");
    }
    List<String> values = values(claims.get(names.roles()));
    Set<String> groups = settings.roles().stream().filter(mapping -> values.contains(mapping.value()))
        .map(SingleSignOnSettings.RoleMapping::group).collect(Collectors.toCollection(TreeSet::new));
    if (groups.isEmpty()) {
      throw new SingleSignOnRefused(user, "账号 " + user + " 在统一身份认证中的角色（" + (values.isEmpty() ? "无"
          : String.join("、", values)) + "）没有一个是本系统的角色，无法登录：请联系安全管理员核对单点登录的角色对照，"
          + "或请统一身份认证的管理员授予本系统的角色");
    }
    for (String group : groups) {
      String conflict = ThreeAdministrators.SeparatedIdentityProvider.conflict(group,
          groups.stream().filter(g -> !g.equals(group)).collect(Collectors.toSet()));
      if (conflict != null) {
        throw new SingleSignOnRefused(user, "三员分立：统一身份认证同时授予账号 " + user + "“" + Groups.name(group) + "”和“"
            + Groups.name(conflict) + "”，不能登录；系统管理员、安全管理员、安全审计员须由不同的人担任，且不办理评审业务");
      }
    }
    String name = text(claims.get(names.name()));
    return new ClaimedIdentity(user, name == null ? user : name, text(claims.get("email")), organization,
        List.copyOf(groups));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** A list claim, or one string of values separated by commas, 、 or spaces. */
  private static List<String> values(Object claim) {
    if (claim instanceof Collection<?> many) {
      return many.stream().map(ClaimMapping::text).filter(v -> v != null).toList();
    }
    String one = text(claim);
    return one == null ? List.of() : Arrays.stream(one.split("[,，、\\s]+")).filter(v -> !v.isBlank()).toList();
  }
}
