package cn.gx.titlereview.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.CitySessions;
import cn.gx.titlereview.support.IntegrationTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OIDC provider running in the test (mock-oauth2-server: discovery, authorization
 * code flow, signed ID and access tokens, user-info, JWKS): the province's person logs in through Tasklist's page and
 * works in the mapped organization only; systems call {@code /engine-rest} and {@code /api} with bearer tokens; a
 * changed claim changes the account at the next login; a person the product cannot place is refused and nothing is
 * written. Screenshots: target/screenshots/sso-*.png.
 *
 * <p>In a JVM of its own (tag {@code own-jvm}, pom.xml): its context, with SSO on and the webapps, would replace the
 * other contexts' engine and webapps' runtime, which are JVM-wide, and Cockpit then served its pages with scripts its
 * content security policy refused.
 */
@Tag("own-jvm")
@IntegrationTest
class SingleSignOnTest {

  static final MockOAuth2Server PROVINCE = started();
  static final String ISSUER = "province";
  static final String CLIENT = "title-review";
  private static final String INSPECTION_TASKS = "//li[contains(@class,'task') and contains(.,'督查并登记问题清单')]";

  @DynamicPropertySource
  static void province(DynamicPropertyRegistry properties) {
    String issuer = PROVINCE.issuerUrl(ISSUER).toString();
    properties.add("titlereview.sso.enabled", () -> "true");
    properties.add("spring.security.oauth2.client.registration.province.client-id", () -> CLIENT);
    properties.add("spring.security.oauth2.client.registration.province.client-secret", () -> "secret");
    properties.add("spring.security.oauth2.client.registration.province.scope", () -> "openid,profile");
    properties.add("spring.security.oauth2.client.provider.province.issuer-uri", () -> issuer);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    String[][] roles = {{"ZC_APPROVER", "approver"}, {"ZC_STAFF", "staff"}, {"ZC_MONITOR", "monitoring"}};
    for (int i = 0; i < roles.length; i++) {
      int n = i;
      properties.add("titlereview.sso.roles[" + i + "].value", () -> roles[n][0]);
      properties.add("titlereview.sso.roles[" + i + "].group", () -> roles[n][1]);
    }
  }

  @LocalServerPort int port;
  @Autowired CitySessions cities;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Jurisdiction jurisdiction;
  @Autowired AuditTrail audit;
  @Autowired ObjectMapper json;

  private final List<String> instances = new ArrayList<>();
  private String nanning;
  private String guilin;
  /** The inspections' tasks 督查并登记问题清单, offered to 南宁's approvers and to 桂林's. */
  private String nanningTask;
  private String guilinTask;

  private static MockOAuth2Server started() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }

  @AfterAll
  static void stopProvince() {
    PROVINCE.shutdown();
  }

  /** A session of each city, each with an inspection waiting for its city's approvers (督查并登记问题清单). */
  @BeforeEach
  void twoCities() {
    Api api = new Api(port);
    nanning = cities.start(api, "staff1", "GX-DEMO-A");
    guilin = cities.start(api, "staff2", "GX-DEMO-B");
    nanningTask = inspect(api, "nn-approver1", nanning);
    guilinTask = inspect(api, "gl-approver1", guilin);
    for (String session : List.of(nanning, guilin)) {
      instances.add(runtimeService.createProcessInstanceQuery().processDefinitionKey("TitleReviewSession")
          .processInstanceBusinessKey(session).singleResult().getId());
    }
  }

  /** The database is shared with the other tests: counts of tasks there stay as they were. */
  @AfterEach
  void endTheSessions() {
    instances.forEach(id -> runtimeService.deleteProcessInstance(id, "测试结束", true, true));
    instances.clear();
  }

  @Test
  void aLoginThroughTasklistsPageLandsInTasklistWithTheMappedOrganizationsTasksOnly() throws Exception {
    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      PROVINCE.enqueueCallback(person("sso-gl1", "李桂林", "GX-GL", List.of("ZC_APPROVER", "OA_USER")));
      browser.get("/camunda/app/tasklist/default/");
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("统一身份认证登录")));
      browser.shoot("sso-login");
      browser.driver.findElement(By.linkText("统一身份认证登录")).click();
      browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "督查并登记问题清单"));
      browser.shoot("sso-tasklist");
      // 桂林's inspections are listed (ours and any other test's), 南宁's never: the list is the engine's for 桂林.
      assertThat(browser.driver.findElements(By.xpath(INSPECTION_TASKS))).hasSize((int) inspectionTasksOf("GX-DEMO-B"));
      assertThat(inspectionTasksOf("GX-DEMO-A")).isPositive();
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("李桂林");
      // Cockpit takes the same login over (an approver reads it), with no login of its own.
      browser.get("/camunda/app/cockpit/default/#/processes");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "李桂林"));
      assertThat(browser.driver.getCurrentUrl()).contains("/camunda/app/cockpit/");
      browser.shoot("sso-cockpit");

      // A person of an organization the region does not know: the login page says why, and no account is made.
      browser.logOut();
      PROVINCE.enqueueCallback(person("sso-nowhere3", "周无名", "GX-NOWHERE", List.of("ZC_STAFF")));
      browser.driver.findElement(By.linkText("统一身份认证登录")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("error"), "GX-NOWHERE"));
      browser.shoot("sso-refused");
    }
    assertThat(identityService.createUserQuery().userId("sso-nowhere3").count()).isZero();
    // The first login made the account: the engine's user, the mapped role (not the other system's), the organization.
    assertThat(identityService.createUserQuery().userId("sso-gl1").singleResult().getFirstName()).isEqualTo("李桂林");
    assertThat(groups("sso-gl1")).containsExactlyInAnyOrder("approver", "org@GX-GL", "approver@GX-GL");
    assertThat(jurisdiction.organizationOf("sso-gl1")).map(Organization::code).contains("GX-GL");
    assertThat(audit.about("sso-gl1")).extracting(AuditEntry::kind)
        .contains(AuditKind.LOGIN, AuditKind.ACCOUNT, AuditKind.MEMBERSHIP);
  }

  @Test
  void aChangedClaimChangesTheRightsAtTheNextLoginTakingAwayWhatItNoLongerGives() throws Exception {
    Login first = logIn(person("sso-move1", "王调动", "GX-GL", List.of("ZC_APPROVER")));
    assertThat(first.landed().uri().getPath()).startsWith("/camunda/app/");
    // Through the webapps' own engine API, as Tasklist asks it: 桂林's inspection, nothing of 南宁's.
    assertThat(tasksOf(first)).contains(guilinTask).doesNotContain(nanningTask);
    assertThat(groups("sso-move1")).containsExactlyInAnyOrder("approver", "org@GX-GL", "approver@GX-GL");

    Login second = logIn(person("sso-move1", "王调动", "GX-NN", List.of("ZC_APPROVER")));
    assertThat(tasksOf(second)).contains(nanningTask).doesNotContain(guilinTask);
    assertThat(groups("sso-move1")).containsExactlyInAnyOrder("approver", "org@GX-NN", "approver@GX-NN");
    assertThat(jurisdiction.organizationOf("sso-move1")).map(Organization::code).contains("GX-NN");

    Login third = logIn(person("sso-move1", "王调动", "GX-NN", List.of("ZC_MONITOR")));
    assertThat(tasksOf(third)).doesNotContain(nanningTask, guilinTask);
    assertThat(groups("sso-move1")).containsExactlyInAnyOrder("monitoring", "org@GX-NN");
    // The account has no password of the product: the local login refuses it, whatever is tried.
    assertThat(new Api(port).get("/api/sessions/" + guilin, "sso-move1:sso-move1").status()).isEqualTo(401);
    assertThat(audit.about("sso-move1")).filteredOn(e -> e.kind() == AuditKind.MEMBERSHIP).hasSize(3)
        .first().extracting(AuditEntry::detail).asString().contains("运维监控").contains("此前").contains("核准单位");
  }

  @Test
  void aBearerTokenWorksAtTheEngineRestAndTheApiAsTheMappedAccount() throws Exception {
    String token = token(person("sso-system1", "桂林市职改办接口", "GX-GL", List.of("ZC_APPROVER")));
    HttpResponse<String> tasks = bearer("/engine-rest/task", token);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    JsonNode list = json.readTree(tasks.body());
    assertThat(ids(list)).contains(guilinTask).doesNotContain(nanningTask);
    assertThat(StreamSupport.stream(list.spliterator(), false).map(t -> t.path("tenantId").asText()).distinct())
        .containsOnly("GX-DEMO-B");
    assertThat(bearer("/api/sessions/" + guilin, token).statusCode()).isEqualTo(200);
    assertThat(bearer("/api/sessions/" + nanning, token).statusCode()).isEqualTo(403);
    // No session is kept for a system's call, and one token is one login, however many calls it makes.
    assertThat(tasks.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(audit.about("sso-system1")).filteredOn(e -> e.kind() == AuditKind.LOGIN).hasSize(1);
  }

  @Test
  void aPersonWithoutAMappedRoleOrWithAnUnknownOrganizationIsRefusedInChineseAndNothingIsWritten() throws Exception {
    HttpResponse<String> noRole = bearer("/engine-rest/task",
        token(person("sso-oa1", "赵办公", "GX-GL", List.of("OA_USER"))));
    assertThat(noRole.statusCode()).isEqualTo(403);
    assertThat(noRole.body()).contains("没有一个是本系统的角色").contains("OA_USER");

    HttpResponse<String> unknown = bearer("/api/sessions/" + guilin,
        token(person("sso-nowhere1", "钱无名", "GX-NOWHERE", List.of("ZC_APPROVER"))));
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).contains("GX-NOWHERE").contains("不在本系统的组织机构中");

    Login refused = logIn(person("sso-nowhere2", "孙无名", "GX-NOWHERE", List.of("ZC_STAFF")));
    assertThat(refused.landed().statusCode()).isEqualTo(403);
    assertThat(refused.landed().uri().getPath()).isEqualTo("/login");
    assertThat(refused.landed().body()).contains("GX-NOWHERE").contains("不在本系统的组织机构中");

    HttpResponse<String> forged = bearer("/engine-rest/task", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("访问令牌无效");

    for (String user : List.of("sso-oa1", "sso-nowhere1", "sso-nowhere2")) {
      assertThat(identityService.createUserQuery().userId(user).count()).as(user).isZero();
      assertThat(jurisdiction.organizationOf(user)).as(user).isEmpty();
      assertThat(audit.about(user)).as(user).extracting(AuditEntry::kind).containsOnly(AuditKind.LOGIN_FAILED);
    }
  }

  @Test
  void aProvincialTicketLogsInThroughTheSameMappingAndABadTicketIsRefused() throws Exception {
    Login ticket = enter("/sso/ticket?ticket=" + token(person("sso-ticket1", "吴票据", "GX-GL", List.of("ZC_APPROVER"))));
    assertThat(ticket.landed().uri().getPath()).startsWith("/camunda/app/");
    assertThat(tasksOf(ticket)).contains(guilinTask).doesNotContain(nanningTask);
    assertThat(groups("sso-ticket1")).containsExactlyInAnyOrder("approver", "org@GX-GL", "approver@GX-GL");
    assertThat(audit.about("sso-ticket1")).filteredOn(e -> e.kind() == AuditKind.LOGIN).extracting(AuditEntry::detail)
        .containsExactly("以统一身份认证（票据）登录");

    Login used = enter("/sso/ticket?ticket=not-a-ticket");
    assertThat(used.landed().uri().getPath()).isEqualTo("/login");
    assertThat(used.landed().body()).contains("统一身份认证登录未成功");
    Login none = enter("/sso/ticket");
    assertThat(none.landed().statusCode()).isEqualTo(403);
    assertThat(none.landed().body()).contains("缺少统一身份认证的票据");
  }

  /**
   * The province's ticket service as the test needs it: the ticket is an access token of the test provider, and its
   * user-info endpoint says whom it stands for (ticket → token → user-info in one step).
   */
  @TestConfiguration
  static class ProvinceTickets {

    @Bean
    ProvincialTicketExchange ticketExchange(ObjectMapper json) {
      return ticket -> {
        try {
          HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              PROVINCE.userInfoUrl(ISSUER).uri()).header("Authorization", "Bearer " + ticket).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (info.statusCode() != 200) {
            throw new BadCredentialsException("票据无效、已使用或已过期");
          }
          return json.readValue(info.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      };
    }
  }

  /** The province's answer for one person: the claims of their ID token, access token and user-info. */
  private static DefaultOAuth2TokenCallback person(String user, String name, String organization, List<String> roles) {
    return new DefaultOAuth2TokenCallback(ISSUER, user, "JWT", List.of(CLIENT), Map.of("preferred_username", user,
        "name", name, "org_code", organization, "roles", roles), 3600);
  }

  private static String token(DefaultOAuth2TokenCallback person) {
    return PROVINCE.issueToken(ISSUER, CLIENT, person).serialize();
  }

  private HttpResponse<String> bearer(String path, String token) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A browser's login by the province, following every redirect: our button, the provider, our callback. */
  private Login logIn(DefaultOAuth2TokenCallback person) throws IOException, InterruptedException {
    PROVINCE.enqueueCallback(person);
    return enter("/oauth2/authorization/province");
  }

  /** A browser of its own (cookies, redirects followed) opening the address. */
  private Login enter(String path) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.ALWAYS).build();
    HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Login(browser, landed);
  }

  private record Login(HttpClient browser, HttpResponse<String> landed) {
  }

  private Set<String> tasksOf(Login login) throws IOException, InterruptedException {
    HttpResponse<String> reply = login.browser().send(HttpRequest.newBuilder(URI.create(
        login.landed().uri().resolve("/camunda/api/engine/engine/default/task").toString())).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return ids(json.readTree(reply.body()));
  }

  private static Set<String> ids(JsonNode tasks) {
    return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("id").asText())
        .collect(Collectors.toSet());
  }

  /** Opens an inspection of the session; answers its task. */
  private String inspect(Api api, String approver, String session) {
    Set<String> before = inspections();
    cities.inspect(api, approver, session);
    String inspection = inspections().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
    instances.add(inspection);
    return taskService.createTaskQuery().processInstanceId(inspection).singleResult().getId();
  }

  private Set<String> inspections() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(cn.gx.titlereview.inspection.InspectionService.PROCESS).list().stream()
        .map(i -> i.getId()).collect(Collectors.toSet());
  }

  /** The open 督查并登记问题清单 tasks of the committee's sessions, whoever may see them. */
  private long inspectionTasksOf(String committee) {
    return taskService.createTaskQuery().tenantIdIn(committee).taskDefinitionKey("Task_RecordInspectionFindings")
        .count();
  }

  private Set<String> groups(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
  }
}
