package cn.gx.titlereview.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestClock;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.support.Xlsx;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry and the rule 谁批准组建，谁负责监管 through {@code /api}: who keeps what, which committee may start a
 * session, and a grant that opens one committee for its period only.
 */
@IntegrationTest
class RegionTest {

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired EngineJurisdiction engine;
  @Autowired Jurisdiction jurisdiction;
  @Autowired IdentityService identityService;
  @Autowired TestRegion region;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aRoleGivenOrTakenInCamundaAdminReachesTheAccountsOrganizationAtOnce() {
    String user = "admin-role" + System.nanoTime() % 100_000;
    User account = identityService.newUser(user);
    account.setFirstName("蒙");
    account.setLastName("丽");
    identityService.saveUser(account);
    region.account(user, "GX-UNIT-A", "工作人员");
    assertThat(groups(user)).containsExactlyInAnyOrder("staff", "org@GX-UNIT-A", "staff@GX-UNIT-A");

    // As Admin's 用户组 page does it: no region change, no five-minute wait.
    Api api = new Api(port);
    assertThat(api.putJson("/engine-rest/group/supervisor/members/" + user, "admin", "{}").status()).isEqualTo(204);
    assertThat(groups(user)).containsExactlyInAnyOrder("staff", "supervisor", "org@GX-UNIT-A", "staff@GX-UNIT-A",
        "supervisor@GX-UNIT-A");
    assertThat(api.delete("/engine-rest/group/staff/members/" + user, "admin").status()).isEqualTo(204);
    assertThat(groups(user)).containsExactlyInAnyOrder("supervisor", "org@GX-UNIT-A", "supervisor@GX-UNIT-A");
  }

  private List<String> groups(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void aCommitteePastItsTermOrSuspendedCannotStartASessionAndSaysWhy() {
    Api api = new Api(port);
    String expired = "T-EXP-" + System.nanoTime() % 1_000_000;
    String suspended = "T-SUS-" + System.nanoTime() % 1_000_000;
    Reply saved = api.postJson("/api/committees", "nn-approver1", """
        [{"code":"%s","name":"南宁某医院卫生中级评委会","level":"中级","series":"卫生","organisingUnitCode":"GX-UNIT-A",
          "approvingUnitCode":"GX-NN","approvalNo":"南职改办〔2020〕1号","validFrom":"2020-01-01","validTo":"%s"},
         {"code":"%s","name":"南宁某学校中级评委会","level":"中级","series":"中小学教师","organisingUnitCode":"GX-UNIT-A",
          "approvingUnitCode":"GX-NN","status":"暂停","statusReason":"督查发现问题，整改期间暂停评审"}]"""
        .formatted(expired, LocalDate.now().minusDays(1), suspended));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);

    Reply pastTerm = start(api, "staff1", expired, "中级");
    assertThat(pastTerm.status()).isEqualTo(400);
    assertThat(pastTerm.body()).contains("核准有效期已于 " + LocalDate.now().minusDays(1) + " 届满", "南职改办〔2020〕1号");
    Reply stopped = start(api, "staff1", suspended, "中级");
    assertThat(stopped.status()).isEqualTo(400);
    assertThat(stopped.body()).contains("已暂停（督查发现问题，整改期间暂停评审）");
    Reply wrongLevel = start(api, "staff1", "GX-DEMO-A", "正高");
    assertThat(wrongLevel.body()).contains("是中级评委会，不能评审正高");
    Reply otherUnit = start(api, "staff2", "GX-DEMO-A", "中级");
    assertThat(otherUnit.status()).isEqualTo(400);
    assertThat(otherUnit.body()).contains("不属于评委会", "组建单位", "staff2");
    assertThat(start(api, "staff1", "GX-DEMO-A", "中级").status()).isEqualTo(201);
  }

  @Test
  void eachOfficeKeepsItsOwnSubtreeAndABadFileIsRefusedWholeWithEachProblemNamed() {
    Api api = new Api(port);
    Reply outside = api.postJson("/api/committees", "nn-approver1", """
        [{"code":"T-GL-1","name":"桂林某评委会","level":"初级","series":"工程","organisingUnitCode":"GX-UNIT-B",
          "approvingUnitCode":"GX-GL"}]""");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("第 1 条", "不在本账号可维护的范围");
    assertThat(api.postJson("/api/committees", "staff1", "[]").status()).isEqualTo(403);

    byte[] sheet = Xlsx.of(List.of("单位编码", "单位名称", "类别", "上级单位编码"),
        List.of("GX-NN-X1", "南宁市某医院", "评委会组建单位", "GX-NN"),
        List.of("GX-NN-X2", "某研究所", "评委会组建单位", "GX-NOPE"),
        List.of("GX-NN-X3", "某协会", "评审机构", "GX-NN"),
        List.of("GX-GL-X4", "桂林某公司", "评委会组建单位", "GX-GL"),
        List.of("GX-NN", "南宁市职称改革工作领导小组办公室", "市职改办", "GX-NN-X1")).content();
    Reply refused = api.postFile("/api/organizations", "nn-approver1", "组织机构.xlsx", sheet);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("第 3 行（GX-NN-X2）「上级单位编码」：GX-NOPE 不存在",
        "第 4 行「类别」", "第 5 行（GX-GL-X4）：不在本账号可维护的范围（南宁市职称改革工作领导小组办公室（GX-NN）及其下级）之内",
        "第 6 行（GX-NN）「上级单位编码」：市职改办的上级应为自治区职改办", "上下级关系不能成环");
    assertThat(jurisdiction.region().organization("GX-NN-X1")).as("nothing of a refused file is written").isEmpty();

    Reply accepted = api.postFile("/api/organizations", "nn-approver1", "组织机构.xlsx", Xlsx.of(
        List.of("单位编码", "单位名称", "类别", "上级单位编码"),
        List.of("GX-NN-X1", "南宁市某医院", "评委会组建单位", "GX-NN")).content());
    assertThat(accepted.body()).contains("\"imported\":1");
    assertThat(api.get("/api/organizations", "nn-approver1").body()).contains("GX-NN-X1");
    assertThat(api.get("/api/organizations", "gl-approver1").body()).doesNotContain("GX-NN-X1").contains("GX-GL");
  }

  @Test
  void eachOrganizationListsTheCommitteesItStandsTowardsAndNothingElse() {
    Api api = new Api(port);
    assertThat(codes(api.get("/api/committees", "gl-approver1"))).contains("GX-DEMO-B").doesNotContain("GX-DEMO-A");
    assertThat(codes(api.get("/api/committees", "nn-approver1"))).contains("GX-DEMO-A").doesNotContain("GX-DEMO-B");
    assertThat(codes(api.get("/api/committees", "approver1"))).contains("GX-DEMO-A", "GX-DEMO-B");
    assertThat(codes(api.get("/api/committees", "depthead1"))).contains("GX-DEMO-A").doesNotContain("GX-DEMO-B");
    assertThat(codes(api.get("/api/committees", "supervisor2"))).contains("GX-DEMO-B").doesNotContain("GX-DEMO-A");
    assertThat(api.get("/api/committees/GX-DEMO-A", "gl-approver1").status()).isEqualTo(403);
    assertThat(api.get("/api/committees/GX-DEMO-A", "nn-approver1").body()).contains("核准单位", "上级职改办");
    assertThat(api.get("/api/accounts", "approver1").status()).isEqualTo(403);
    assertThat(api.get("/api/accounts", "admin").body()).contains("\"userId\":\"nn-approver1\"", "GX-NN");
  }

  @Test
  void aCrossInspectionGrantOpensExactlyOneCommitteeForItsPeriodAndEndsByItself() {
    Api api = new Api(port);
    String other = "T-A2-" + System.nanoTime() % 1_000_000;
    assertThat(api.postJson("/api/committees", "nn-approver1", """
        [{"code":"%s","name":"南宁建设工程集团初级评委会","level":"初级","series":"工程","organisingUnitCode":"GX-UNIT-A",
          "approvingUnitCode":"GX-NN"}]""".formatted(other)).status()).isEqualTo(200);
    String a = body(start(api, "staff1", "GX-DEMO-A", "中级"));
    String a2 = body(start(api, "staff1", other, "初级"));
    String instance = a.replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
    String code = a.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
    String otherCode = a2.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
    assertThat(api.get("/api/sessions/" + code, "gl-approver1").status()).isEqualTo(403);

    LocalDate today = LocalDate.now();
    assertThat(api.postJson("/api/committees/GX-DEMO-A/grants", "gl-approver1", grant("GX-GL", today)).status())
        .as("only the approving unit or an office above grants").isEqualTo(403);
    Reply granted = api.postJson("/api/committees/GX-DEMO-A/grants", "nn-approver1", grant("GX-GL", today));
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(granted.body()).contains("\"inForce\":true", "交叉检查");

    assertThat(api.get("/api/sessions/" + code, "gl-approver1").status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + code, "gl-approver1")
        .body()).contains(instance);
    assertThat(api.get("/api/sessions/" + otherCode, "gl-approver1").status()).as("one committee only").isEqualTo(403);
    assertThat(api.get("/api/sessions/" + code + "/draw", "gl-approver1").status())
        .as("the draw stays with the unit's staff and supervisors").isEqualTo(403);
    assertThat(api.get("/api/committees/GX-DEMO-A", "gl-approver1").body()).contains("受托检查单位");

    clock.set(today.plusDays(6) + "T08:00");
    engine.grantsBeganOrEnded();
    assertThat(api.get("/api/sessions/" + code, "gl-approver1").status()).isEqualTo(403);
    assertThat(api.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + code, "gl-approver1")
        .body()).doesNotContain(instance);
    assertThat(api.get("/api/committees/GX-DEMO-A", "nn-approver1").body()).contains("\"inForce\":false");

    // Revoked, the grant no longer opens the committee even within its period.
    clock.reset();
    String id = granted.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    Reply revoked = api.delete("/api/committees/GX-DEMO-A/grants/" + id, "nn-approver1");
    assertThat(revoked.body()).contains("\"revokedBy\":\"nn-approver1\"", "\"inForce\":false");
    assertThat(api.get("/api/sessions/" + code, "gl-approver1").status()).isEqualTo(403);
  }

  private static String grant(String grantee, LocalDate from) {
    return """
        {"granteeCode":"%s","purpose":"交叉检查","reason":"2026 年度南宁、桂林交叉检查","validFrom":"%s","validTo":"%s"}"""
        .formatted(grantee, from, from.plusDays(5));
  }

  private static Reply start(Api api, String user, String committee, String level) {
    return api.postJson("/api/sessions", user, """
        {"sessionCode":"RG-%d","committeeCode":"%s","level":"%s","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":""}"""
        .formatted(System.nanoTime(), committee, level, TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2)));
  }

  private static String body(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.body();
  }

  private static List<String> codes(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return java.util.regex.Pattern.compile("\"code\":\"([^\"]+)\"").matcher(reply.body()).results()
        .map(m -> m.group(1)).toList();
  }
}
