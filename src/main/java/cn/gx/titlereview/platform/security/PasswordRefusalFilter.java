package cn.gx.titlereview.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password that breaks the rules where Camunda Admin and systems set one ({@code …/user/create},
 * {@code …/user/{id}/credentials}) in the rule's own Chinese words, before the engine would refuse it with its English
 * "Password does not match policy". The engine's policy still decides: this only says why first. Runs after Spring
 * Security, so that only someone allowed in learns which rule a password breaks.
 */
@Component
class PasswordRefusalFilter extends OncePerRequestFilter {

  private static final String DOOR = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/";
  private static final Pattern CREATE = Pattern.compile(DOOR + "create$");
  private static final Pattern CREDENTIALS = Pattern.compile(DOOR + "([^/]+)/credentials$");
  /** A user's profile and password fit in far less. */
  private static final int LONGEST_BODY = 64 * 1024;

  private final PasswordRulesPlugin plugin;
  private final IdentityService identityService;
  private final ObjectMapper json;

  PasswordRefusalFilter(PasswordRulesPlugin plugin, IdentityService identityService, ObjectMapper json) {
    this.plugin = plugin;
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && CREATE.matcher(path).matches()
        || "PUT".equals(request.getMethod()) && CREDENTIALS.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(LONGEST_BODY + 1);
    Optional<String> refusal = body.length > LONGEST_BODY ? Optional.of("用户资料过长（超过 64 KB）")
        : refusal(request, body);
    if (refusal.isPresent()) {
      // Camunda's own error shape, which Admin shows in its notice.
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getWriter(), Map.of("type", "PasswordPolicyException", "message",
          "未保存：" + refusal.get()));
      return;
    }
    chain.doFilter(new ReadAgain(request, body), response);
  }

  private Optional<String> refusal(HttpServletRequest request, byte[] body) {
    JsonNode sent;
    try {
      sent = json.readTree(body);
    } catch (IOException e) {
      return Optional.empty(); // the engine's REST answers a malformed body itself
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher credentials = CREDENTIALS.matcher(path);
    String userId = credentials.matches() ? credentials.group(1) : sent.path("profile").path("id").asText(null);
    JsonNode password = credentials.matches() ? sent.path("password") : sent.path("credentials").path("password");
    if (userId == null || !password.isTextual()) {
      return Optional.empty();
    }
    return plugin.rules().refusal(password.asText(), identityService.newUser(userId));
  }

  /** The request with its body read once here and again by the engine's REST. */
  private static final class ReadAgain extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("read synchronously");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }
  }
}
