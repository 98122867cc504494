package cn.gx.titlereview.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on through the province's identity provider ({@code titlereview.sso}, docs/security.md, "单点登录
 * (OIDC)"), checked at start. Off by default: then only the product's own login exists.
 *
 * @param enabled OIDC login beside the local login, and bearer tokens at {@code /api} and {@code /engine-rest}
 * @param registration the id of the client registration under {@code spring.security.oauth2.client.registration}
 * @param buttonLabel the login page's button
 * @param claims which claims name the account, its organization and its roles
 * @param administrators whether {@code roles} may map to the three administrators' groups at all (三员分立)
 * @param roles the provider's role values and the product's role each stands for; other values are ignored
 */
@Validated
@ConfigurationProperties("titlereview.sso")
record SingleSignOnSettings(@DefaultValue("false") boolean enabled, @DefaultValue("province") @NotBlank String registration,
    @DefaultValue("统一身份认证登录") @NotBlank String buttonLabel, @DefaultValue @NotNull @Valid Claims claims,
    @DefaultValue("false") boolean administrators, List<@Valid RoleMapping> roles) {

  /**
   * The claims read from the ID token and user-info (or from a provincial ticket's user-info).
   *
   * @param user the account id (the engine's user id)
   * @param name the person's name, shown in Tasklist and on documents
   * @param organization the code of the organization in the region's tree ({@code GX-UNIT-A})
   * @param roles the role values: a list, or one string separated by commas or spaces
   */
  record Claims(@DefaultValue("preferred_username") @NotBlank String user, @DefaultValue("name") @NotBlank String name,
      @DefaultValue("org_code") @NotBlank String organization, @DefaultValue("roles") @NotBlank String roles) {
  }

  /** One line of the mapping: the provider's role {@code value} gives the product's group {@code group}. */
  record RoleMapping(@NotBlank String value, @NotBlank String group) {
  }

  SingleSignOnSettings {
    roles = roles == null ? List.of() : List.copyOf(roles);
    for (RoleMapping mapping : roles) {
      if (Groups.ADMIN.equals(mapping.group())) {
        // The bootstrap account's group is nobody's role (三员分立, docs/audit.md): not even the province may give it.
        throw new IllegalArgumentException("titlereview.sso.roles：角色 " + mapping.value()
            + " 不能对应初始管理员组（camunda-admin），该组只供流程引擎初始化使用");
      }
      if (Groups.ADMINISTRATORS.contains(mapping.group()) && !administrators) {
        throw new IllegalArgumentException("titlereview.sso.roles：角色 " + mapping.value() + " 对应“"
            + Groups.name(mapping.group()) + "”，须同时设置 titlereview.sso.administrators=true，明确允许统一身份认证授予三员角色");
      }
      if (!Groups.ASSIGNABLE_ROLES.contains(mapping.group()) && !Groups.ADMINISTRATORS.contains(mapping.group())) {
        throw new IllegalArgumentException("titlereview.sso.roles：角色 " + mapping.value() + " 对应的用户组 "
            + mapping.group() + " 不存在；可用：" + String.join("、", Groups.ASSIGNABLE_ROLES) + "，以及三员的 "
            + String.join("、", Groups.ADMINISTRATORS));
      }
    }
    if (enabled && roles.isEmpty()) {
      throw new IllegalArgumentException("titlereview.sso.enabled=true 但 titlereview.sso.roles 为空：没有任何角色可以登录");
    }
  }
}
