package cn.gx.titlereview.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request Spring Security's firewall refuses (a {@code ;}, {@code //}, an encoded {@code /} or {@code \} in the
 * address, a control character in a header) is bad input, not a failure of ours: 400 with a Chinese message, logged
 * at WARN. Checked first, before any other filter: Spring's own path parsing, which runs before the security filters,
 * failed on {@code /engine-rest;/task} with an exception that ended as a 500 「服务器内部错误」. The same answer is
 * Spring Security's {@link RequestRejectedHandler} ({@code WebSecurity} takes the one bean of the type), and Tomcat's
 * own refusals say the same ({@link TomcatErrorReport}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirewallRefusals extends OncePerRequestFilter implements RequestRejectedHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FirewallRefusals.class);

  static final String MESSAGE = "请求格式不正确：地址或请求头含有不允许的内容（分号、连续斜杠、编码的斜杠、反斜杠、控制字符），"
      + "或请求头过长；请检查后重试";

  /** Spring Security's defaults, which its filter chain applies too. */
  private final StrictHttpFirewall firewall = new StrictHttpFirewall();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest checked;
    try {
      checked = firewall.getFirewalledRequest(request);
      // Header values are checked when read: read them all now, so that a bad one is refused here.
      for (String name : java.util.Collections.list(checked.getHeaderNames())) {
        java.util.Collections.list(checked.getHeaders(name));
      }
    } catch (RequestRejectedException refused) {
      handle(request, response, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
      throws IOException {
    LOG.warn("Request refused as malformed: {} {} ({})", request.getMethod(), printable(request.getRequestURI()),
        printable(refused.getMessage()));
    ErrorReplies.write(response, HttpStatus.BAD_REQUEST, MESSAGE, null);
  }

  /** What the client sent, with control characters shown as escapes, so that a log line stays one line. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder(Math.min(text.length(), 300));
    text.codePoints().limit(300).forEach(c -> {
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.toString();
  }
}
