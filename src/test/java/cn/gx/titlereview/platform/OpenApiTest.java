package cn.gx.titlereview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's contract describes every /api endpoint Spring serves, with the shapes a client needs (the draw, the review
 * times, the gate results, the record), and only a logged-in user may read it.
 */
@IntegrationTest
class OpenApiTest {

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Test
  void theContractIsForLoggedInUsersOnly() {
    Api api = new Api(port);
    assertThat(api.get("/api/openapi.json", null).status()).isEqualTo(401);
    assertThat(api.get("/api/docs.html", null).status()).isEqualTo(401);
    assertThat(api.get("/api/swagger-ui/index.html", null).status()).isEqualTo(401);
    assertThat(api.get("/api/openapi.json", "staff1:wrong").status()).isEqualTo(401);
    Api.Reply docs = api.get("/api/docs.html", "supervisor1");
    assertThat(docs.status()).isEqualTo(302);
    String page = docs.header("Location").replaceFirst("^https?://[^/]+", "");
    assertThat(page).startsWith("/api/swagger-ui/index.html");
    Api.Reply ui = api.get(page, "supervisor1");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  @Test
  void everyApiEndpointIsDescribedWithItsShapes() throws Exception {
    Api.Reply reply = new Api(port).get("/api/openapi.json", "staff1");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode contract = json.readTree(reply.body());
    Set<String> described = new TreeSet<>();
    contract.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
    Set<String> served = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      for (String path : m.getKey().getPatternValues()) {
        if (path.startsWith("/api/") && m.getValue().getBeanType().getPackageName().startsWith("cn.gx.titlereview")) {
          m.getKey().getMethodsCondition().getMethods().stream().map(RequestMethod::name)
              .forEach(method -> served.add(method + " " + path));
        }
      }
    }
    assertThat(described).containsAll(served);

    JsonNode schemas = contract.get("components").get("schemas");
    assertThat(fields(schemas, "cn.gx.titlereview.draw.DrawRepository.Draw")).as("the draw's fields")
        .contains("seedHex", "poolSha256", "drawnAt", "panelSize");
    assertThat(fields(schemas, "cn.gx.titlereview.review.ReviewTimes.GroupTime")).contains("startedAt", "endedAt");
    assertThat(fields(schemas, "cn.gx.titlereview.workflow.gate.GateResult")).contains("violations", "passed");
    assertThat(fields(schemas, "cn.gx.titlereview.record.RecordForm")).contains("sections", "signatures", "sha256");
    assertThat(contract.at("/paths/~1api~1sessions~1{code}~1votes/post/requestBody/content").has("multipart/form-data"))
        .as("imports show their body").isTrue();
    assertThat(contract.at("/paths/~1api~1sessions~1{code}~1vote-outcomes/get/responses/200/content")
        .toString()).contains("VoteOutcomes.Outcome");
  }

  @Test
  void noEndpointAnswersAnUntypedMap() {
    Set<String> untyped = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      String answer = method.getReturnType().getGenericParameterType().getTypeName();
      if (method.getBeanType().getPackageName().startsWith("cn.gx.titlereview")
          && answer.matches(".*\\bjava\\.util\\.Map\\b.*")) {
        untyped.add(method.getBeanType().getSimpleName() + "." + method.getMethod().getName() + " → " + answer);
      }
    });
    assertThat(untyped).as("endpoints answering a Map instead of a record the contract can describe").isEmpty();
  }

  private static Set<String> fields(JsonNode schemas, String name) {
    assertThat(schemas.has(name)).as("schema " + name + " among " + schemas.size()).isTrue();
    Set<String> fields = new TreeSet<>();
    schemas.get(name).get("properties").fieldNames().forEachRemaining(fields::add);
    return fields;
  }
}
