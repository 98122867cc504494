package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim mapping of single sign-on and the settings that hold it, without a server. */
class ClaimMappingTest {

  private static final SingleSignOnSettings.Claims CLAIMS =
      new SingleSignOnSettings.Claims("preferred_username", "name", "org_code", "roles");

  private final ClaimMapping mapping = new ClaimMapping(settings(true, List.of(
      new SingleSignOnSettings.RoleMapping("ZC_STAFF", Groups.STAFF),
      new SingleSignOnSettings.RoleMapping("ZC_SUPERVISOR", Groups.SUPERVISOR),
      new SingleSignOnSettings.RoleMapping("ZC_AUDIT", Groups.AUDIT_ADMIN),
      new SingleSignOnSettings.RoleMapping("ZC_SECURITY", Groups.SECURITY_ADMIN))));

  @Test
  void rolesComeAsAListOrOneStringAndOtherSystemsRolesAreIgnored() {
    ClaimedIdentity listed = mapping.map(Map.of("preferred_username", "zhang1", "name", "张一", "org_code", "GX-UNIT-A",
        "roles", List.of("OA_USER", "ZC_STAFF", "ZC_SUPERVISOR")));
    assertThat(listed).isEqualTo(new ClaimedIdentity("zhang1", "张一", null, "GX-UNIT-A",
        List.of(Groups.STAFF, Groups.SUPERVISOR)));
    ClaimedIdentity joined = mapping.map(Map.of("preferred_username", "zhang2", "org_code", "GX-UNIT-A",
        "roles", "OA_USER, ZC_STAFF、ZC_SUPERVISOR", "email", "z2@example.cn"));
    assertThat(joined.groups()).containsExactly(Groups.STAFF, Groups.SUPERVISOR);
    assertThat(joined.name()).as("no name claim: the account id").isEqualTo("zhang2");
    assertThat(joined.email()).isEqualTo("z2@example.cn");
  }

  @Test
  void aPersonWithoutAccountOrganizationOrAnyRoleOfThisProductIsRefusedSayingWhichClaimIsMissing() {
    assertThatThrownBy(() -> mapping.map(Map.of("org_code", "GX", "roles", "ZC_STAFF")))
        .isInstanceOf(SingleSignOnRefused.class).hasMessageContaining("没有提供账号（声明 preferred_username）");
    assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", "li1", "roles", "ZC_STAFF")))
        .isInstanceOf(SingleSignOnRefused.class).hasMessageContaining("所属单位编码（声明 org_code）");
    assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", "li1", "org_code", "GX", "roles", "OA_USER")))
        .isInstanceOf(SingleSignOnRefused.class).hasMessageContaining("（OA_USER）没有一个是本系统的角色")
        .extracting(e -> ((SingleSignOnRefused) e).userId()).isEqualTo("li1");
  }

  @Test
  void theProviderCannotMakeOnePersonTwoAdministratorsOrAnAdministratorWithBusinessData() {
    assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", "wang1", "org_code", "GX",
        "roles", List.of("ZC_AUDIT", "ZC_SECURITY")))).isInstanceOf(SingleSignOnRefused.class)
        .hasMessageContaining("三员分立").hasMessageContaining("安全审计员").hasMessageContaining("安全管理员");
    assertThatThrownBy(() -> mapping.map(Map.of("preferred_username", "wang2", "org_code", "GX",
        "roles", List.of("ZC_AUDIT", "ZC_STAFF")))).isInstanceOf(SingleSignOnRefused.class)
        .hasMessageContaining("三员分立").hasMessageContaining("工作人员");
    assertThat(mapping.map(Map.of("preferred_username", "wang3", "org_code", "GX", "roles", "ZC_AUDIT")).groups())
        .containsExactly(Groups.AUDIT_ADMIN);
  }

  @Test
  void theSettingsRefuseTheBootstrapGroupAnAdministratorNotAllowedExplicitlyAndAnUnknownGroup() {
    assertThatThrownBy(() -> settings(true, List.of(new SingleSignOnSettings.RoleMapping("ROOT", Groups.ADMIN))))
        .hasMessageContaining("camunda-admin");
    assertThatThrownBy(() -> settings(false, List.of(
        new SingleSignOnSettings.RoleMapping("ZC_SYS", Groups.SYSTEM_ADMIN))))
        .hasMessageContaining("titlereview.sso.administrators=true");
    assertThatThrownBy(() -> settings(false, List.of(new SingleSignOnSettings.RoleMapping("ZC_X", "superuser"))))
        .hasMessageContaining("superuser").hasMessageContaining("不存在");
    assertThatThrownBy(() -> new SingleSignOnSettings(true, "province", "统一身份认证登录", CLAIMS, false, List.of()))
        .hasMessageContaining("没有任何角色可以登录");
  }

  private static SingleSignOnSettings settings(boolean administrators, List<SingleSignOnSettings.RoleMapping> roles) {
    return new SingleSignOnSettings(true, "province", "统一身份认证登录", CLAIMS, administrators, roles);
  }
}
