package cn.gx.titlereview.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request form that Spring Security's firewall or Tomcat refuses is bad input: 400 with a Chinese message, a
 * WARN in the log, never 500 「服务器内部错误」. Sent byte for byte over a socket, as a client that does not tidy the
 * address would (curl and Java's HTTP client rewrite some of these before sending).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTest {

  @LocalServerPort int port;

  @Test
  void everyRequestTheFirewallRefusesIsA400InChineseLoggedAsAWarning(CapturedOutput log) throws Exception {
    Map<String, byte[]> forms = new LinkedHashMap<>();
    forms.put("semicolon", get("/engine-rest;/task", ""));
    forms.put("semicolon in our API", get("/api/sessions;jsessionid=x/ABC", ""));
    forms.put("double slash", get("/engine-rest//task", ""));
    forms.put("encoded slash", get("/engine-rest/%2Ftask", ""));
    forms.put("encoded backslash", get("/engine-rest%5Ctask", ""));
    forms.put("backslash", get("/engine-rest\\task", ""));
    forms.put("encoded NUL", get("/engine-rest/%00task", ""));
    forms.put("NUL", get("/engine-rest/\0task", ""));
    forms.put("control character in a header", get("/api/calendar/2026", "X-Note: a\u0001b\r\n"));
    forms.put("over-long header", get("/api/calendar/2026", "X-Filler: " + "a".repeat(20_000) + "\r\n"));

    for (Map.Entry<String, byte[]> form : forms.entrySet()) {
      RawHttp.Reply reply = RawHttp.send(port, form.getValue());
      assertThat(reply.status()).as(form.getKey()).isEqualTo(400);
      assertThat(reply.body()).as(form.getKey())
          .contains("请求格式不正确")
          .doesNotContain("服务器内部错误", "errorId", "Exception", "rejected");
    }
    assertThat(log.getOut()).doesNotContain("Unexpected error").contains(" WARN ");
    long warnings = log.getOut().lines()
        .filter(line -> line.contains(" WARN ") && line.contains("Request refused as malformed")).count();
    assertThat(warnings).as("one warning per refused request").isGreaterThanOrEqualTo(forms.size());

    RawHttp.Reply good = RawHttp.send(port, get("/api/calendar/2026", ""));
    assertThat(good.status()).as("the same client, well formed").isEqualTo(200);
  }

  /** A GET as staff1, the address and extra header lines as given, byte for byte. */
  private static byte[] get(String path, String headers) {
    String auth = Base64.getEncoder().encodeToString("staff1:demo".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth + "\r\n"
        + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return request.toByteArray();
  }
}
