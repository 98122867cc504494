package cn.gx.titlereview.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Each line logged while serving a request carries its user and session code, and nothing of it stays after. */
class LogContextFilterTest {

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theUserAndTheSessionCodeAreInTheLoggingContextWhileTheRequestIsServed() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated("staff1", null, List.of()));
    assertThat(during("/api/sessions/GX-2026-ZG-001/applicants")).containsEntry("user", "staff1")
        .containsEntry("sessionCode", "GX-2026-ZG-001");
    assertThat(during("/sessions/GX-2026-ZG-002/record")).containsEntry("sessionCode", "GX-2026-ZG-002");
    assertThat(during("/supervision/sessions/GX-2026-ZG-003")).containsEntry("sessionCode", "GX-2026-ZG-003");
    assertThat(during("/engine-rest/task")).containsEntry("user", "staff1").doesNotContainKey("sessionCode");
    SecurityContextHolder.clearContext();
    assertThat(during("/api/sessions/GX-1/record")).doesNotContainKey("user");
    assertThat(MDC.getCopyOfContextMap()).as("cleared after the request").isNullOrEmpty();
  }

  /** The JSON logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs, docs/operations.md) carry both as fields of the line. */
  @Test
  void aJsonLogLineCarriesTheUserAndTheSessionCode() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated("staff1", null, List.of()));
    LoggerContext logging = new LoggerContext();
    logging.putObject(Environment.class.getName(), new StandardEnvironment());
    StructuredLogEncoder ecs = new StructuredLogEncoder();
    ecs.setContext(logging);
    ecs.setFormat("ecs");
    ecs.start();
    LoggingEvent event = new LoggingEvent(getClass().getName(), logging.getLogger("cn.gx.titlereview.Test"),
        Level.INFO, "导入申报人员", null, null);
    event.setMDCPropertyMap(during("/api/sessions/GX-2026-ZG-001/applicants"));
    String line = new String(ecs.encode(event), StandardCharsets.UTF_8);
    assertThat(line).startsWith("{").contains("\"message\":\"导入申报人员\"", "\"user\":\"staff1\"",
        "\"sessionCode\":\"GX-2026-ZG-001\"", "\"level\":\"INFO\"");
  }

  private static Map<String, String> during(String path) throws Exception {
    Map<String, String> seen = new HashMap<>();
    new LogContextFilter().doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
        (request, response) -> seen.putAll(MDC.getCopyOfContextMap() == null ? Map.of() : MDC.getCopyOfContextMap()));
    return seen;
  }
}
