package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * 评审结果已确认 freezes the record: every write endpoint of {@code /api} on a closed session answers 409, whoever
 * calls it. The endpoints are read from Spring's own handler mapping, so a new one cannot be forgotten: it is either
 * refused on a closed session or listed here, with the reason it does not write a session's facts. A correction goes
 * through an inspection (复查 or 倒查), beside the record.
 */
@IntegrationTest
class FinalityTest {

  static final String FROZEN = "评审结果已确认，不得修改";

  /** Writes that change no session's facts, and why. */
  static final Map<String, String> NOT_A_SESSION_WRITE = Map.ofEntries(
      Map.entry("POST /api/sessions", "starts a new session"),
      Map.entry("POST /api/oversight/past-years", "committee-year totals of the years before the system"),
      Map.entry("POST /api/oversight/flags", "opens an inspection of a committee, or records why none is needed"),
      Map.entry("POST /api/oversight/rebuild", "rewrites the read model from the records, changes no fact"),
      Map.entry("POST /api/draw/verify", "recomputes a draw from the caller's data, stores nothing"),
      Map.entry("POST /api/archive/verify", "checks a package, stores nothing"),
      Map.entry("POST /api/transparency/checkpoint", "signs a checkpoint of the region's log, changes no session"),
      Map.entry("PUT /api/calendar/{year}", "the working-day calendar, not a session"),
      Map.entry("POST /api/calendar/{year}/form", "the same, typed on the calendar page"),
      Map.entry("POST /api/calendar/import", "the same, imported from a file"),
      Map.entry("POST /api/record-forms", "a committee's next form version, frozen by later sessions only"),
      Map.entry("POST /api/inspections", "opens an inspection: the way to look at a closed session"),
      Map.entry("POST /api/inspections/random-selection", "事后抽查 opens inspections"),
      Map.entry("POST /api/inspections/{id}/findings", "an inspection's findings"),
      Map.entry("POST /api/inspections/{id}/corrections", "a correction: a fact of the inspection, beside the record"),
      Map.entry("POST /api/inspections/{id}/corrections/{correctionId}/sign-off", "its sign-off"),
      Map.entry("POST /api/organizations", "the region's organization tree"),
      Map.entry("POST /api/committees", "the committee registry"),
      Map.entry("POST /api/accounts", "accounts' organizations and roles"),
      Map.entry("POST /api/committees/{code}/grants", "opens a committee for an inspection, not a session's facts"),
      Map.entry("DELETE /api/committees/{code}/grants/{id}", "ends such a grant"),
      Map.entry("POST /api/committees/{code}/library/preview", "compares a file with a committee's library"),
      Map.entry("POST /api/committees/{code}/library/imports", "a new version of the library; frozen snapshots stay"),
      Map.entry("POST /api/committees/{code}/library/experts/{expertCode}/changes", "likewise, one expert"),
      Map.entry("POST /api/committees/{code}/library/attendance-history",
          "a committee's attendance of years before the system; closed sessions keep what they drew"));

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired TestData data;
  @Autowired SessionRepository sessions;
  @Autowired SessionFixture fixture;
  @Autowired RecordService records;
  @Autowired InspectionService inspections;
  @LocalServerPort int port;

  record Endpoint(String method, String path, HandlerMethod handler) {

    String key() {
      return method + " " + path;
    }
  }

  @Test
  void aConfirmedSessionRefusesEveryWriteEndpoint() {
    ReviewSession session = data.session("正高");
    sessions.close(session.id(), SessionRepository.Closure.CONFIRMED, "approver1", Instant.now());
    Api api = new Api(port);
    List<Endpoint> writes = writeEndpoints();
    Set<String> others = new TreeSet<>();
    int refused = 0;
    for (Endpoint e : writes) {
      if (!e.path().contains("{code}") || e.path().startsWith("/api/committees/")) {
        others.add(e.key());
        continue;
      }
      Api.Reply reply = call(api, e, session.code(), "admin");
      assertThat(reply.status()).as(e.key() + " → " + reply.body()).isEqualTo(409);
      assertThat(reply.body()).as(e.key()).contains(FROZEN);
      refused++;
    }
    assertThat(others).as("write endpoints outside a session: each must be listed with its reason")
        .isEqualTo(new TreeSet<>(NOT_A_SESSION_WRITE.keySet()));
    assertThat(refused).isGreaterThanOrEqualTo(25);
    // The session's own people are refused the same way, and reading goes on.
    assertThat(api.postJson("/api/sessions/" + session.code() + "/complaints", "staff1",
        "{\"channel\":\"电话\",\"content\":\"确认后\"}").status()).isEqualTo(409);
    assertThat(api.get("/api/sessions/" + session.code() + "/record", "approver1").status()).isEqualTo(200);
  }

  @Test
  void aSessionEndedUnconfirmedIsFrozenTooAndAnOpenOneIsNot() {
    ReviewSession open = data.session("正高");
    Api api = new Api(port);
    assertThat(api.postJson("/api/sessions/" + open.code() + "/complaints", "staff1",
        "{\"channel\":\"电话\",\"content\":\"评审期间\"}").status()).isEqualTo(201);
    ReviewSession ended = data.session("正高");
    sessions.close(ended.id(), SessionRepository.Closure.NOT_CONFIRMED, "approver1", Instant.now());
    Api.Reply reply = api.postJson("/api/sessions/" + ended.code() + "/staff", "staff1", "{\"userId\":\"staff3\"}");
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body()).contains("评审结果未获确认，评审会已结束，不得修改");
  }

  /** A correction of a confirmed result is a fact of a 复查 or 倒查, signed off apart, shown beside the record. */
  @Test
  void aCorrectionGoesThroughAnInspectionAndLeavesWhatWasSignedAlone() {
    ReviewSession session = fixture.sessionWithVotes();
    Api api = new Api(port);
    long routine = inspection(session, "查阅资料");
    long recheck = inspection(session, "复查");
    String votes = "{\"kind\":\"VOTES\",\"applicantNo\":\"SB04\",\"votersPresent\":11,\"yes\":8,\"no\":3,\"abstain\":0,"
        + "\"description\":\"复查表决票原件，唱票有误\"}";
    assertThat(api.postJson("/api/inspections/" + recheck + "/corrections", "approver1", votes).body())
        .as("before confirmation the session's own ways apply").contains("评审结果尚未确认");
    sessions.close(session.id(), SessionRepository.Closure.CONFIRMED, "approver1", Instant.now());
    String signed = records.hash(session);

    assertThat(api.postJson("/api/inspections/" + routine + "/corrections", "approver1", votes).status())
        .isEqualTo(409);
    Api.Reply tooMany = api.postJson("/api/inspections/" + recheck + "/corrections", "approver1",
        votes.replace("\"votersPresent\":11", "\"votersPresent\":25"));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("25 人超过登记出席的 11 人");
    assertThat(api.postJson("/api/inspections/" + recheck + "/corrections", "staff1", votes).status()).isEqualTo(403);
    Api.Reply proposed = api.postJson("/api/inspections/" + recheck + "/corrections", "approver1", votes);
    assertThat(proposed.status()).isEqualTo(201);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(proposed.body());
    assertThat(id.find()).isTrue();
    String signOff = "/api/inspections/" + recheck + "/corrections/" + id.group(1) + "/sign-off";
    assertThat(api.postJson(signOff, "approver1", "{}").status()).isEqualTo(403);
    assertThat(api.postJson(signOff, "depthead1", "{\"note\":\"同意更正\"}").status()).isEqualTo(200);
    assertThat(api.postJson(signOff, "depthead1", "{}").status()).isEqualTo(409);

    assertThat(records.hash(session)).as("what was signed is unchanged").isEqualTo(signed);
    assertThat(records.form(session).inspections()).anyMatch(l -> l.contains("申报人 SB04 表决票数更正")
        && l.contains("按表决规则通过") && l.contains("depthead1") && l.contains("签发"));
    assertThat(api.get("/api/sessions/" + session.code() + "/vote-outcomes", "approver1").body())
        .contains("\"applicantNo\":\"SB04\"", "\"passed\":false", "督查更正");
  }

  private long inspection(ReviewSession session, String means) {
    return inspections.open(new InspectionService.Request(session.code(), null, List.of(means), "COMPLAINT",
        "结果确认后收到的举报"), null, "approver1").id();
  }

  /** Every handler of /api that can change something: POST, PUT, PATCH, DELETE. */
  private List<Endpoint> writeEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
      for (String path : m.getKey().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        (methods.isEmpty() ? Set.of(RequestMethod.POST) : methods).stream()
            .filter(r -> r != RequestMethod.GET && r != RequestMethod.HEAD && r != RequestMethod.OPTIONS)
            .forEach(r -> endpoints.add(new Endpoint(r.name(), path, m.getValue())));
      }
    }
    return endpoints;
  }

  /** Calls an endpoint with whatever it needs to reach its method: path variables, required parameters, a body. */
  private Api.Reply call(Api api, Endpoint e, String code, String user) {
    String path = e.path().replace("{code}", code).replace("{id}", "1").replace("{applicantNo}", "SB01")
        .replace("{item}", "MINUTES").replace("{expertCode}", "E01").replace("{userId}", "staff4")
        .replace("{processKey}", "SealedReview");
    List<String> query = new ArrayList<>();
    boolean json = false;
    boolean file = false;
    for (Parameter p : e.handler().getMethod().getParameters()) {
      RequestParam param = p.getAnnotation(RequestParam.class);
      if (MultipartFile.class.equals(p.getType())) {
        file = true;
      } else if (param != null && param.required()) {
        query.add((param.value().isEmpty() ? p.getName() : param.value()) + "="
            + (p.getType() == int.class || p.getType() == Integer.class ? "1" : "REVIEW"));
      }
      json |= p.isAnnotationPresent(RequestBody.class);
    }
    String url = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    return switch (e.method()) {
      case "DELETE" -> api.delete(url, user);
      case "PUT" -> api.putJson(url, user, "{}");
      default -> file ? api.postFile(url, user, "scan.pdf", "%PDF-1.4".getBytes())
          : api.postJson(url, user, json ? "{}" : "[]");
    };
  }
}
