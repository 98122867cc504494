package cn.gx.titlereview.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before any filter or servlet sees the request (an encoded NUL in the address, a malformed
 * request line) it answers through its host's error report, by default an English page ("HTTP Status 400 – Bad
 * Request"). This replaces that report with our body, in Chinese, as {@link ErrorPageController} answers everything
 * that reaches Spring.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ChineseErrorReport.class.getName());
      }
    });
  }

  /** Tomcat's error report valve, writing {@code {"error": "<Chinese>"}} instead of its page. */
  public static class ChineseErrorReport extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(ChineseErrorReport.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String id = null;
      String message = ErrorReplies.forStatus(status);
      if (status >= 500) {
        id = ErrorReplies.newErrorId();
        message = ErrorReplies.serverError(id);
        LOG.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getDecodedRequestURI(), throwable);
      } else if (status == 400) {
        // Tomcat's own refusals (a raw backslash or NUL in the address, a header too long, a control character in a
        // header) come with the parser's exception: bad input, not a failure of ours.
        message = FirewallRefusals.MESSAGE;
        LOG.warn("Request refused as malformed by the server: {} {} ({})", request.getMethod(),
            FirewallRefusals.printable(request.getRequestURI()),
            throwable == null ? "no detail" : FirewallRefusals.printable(throwable.getMessage()));
      }
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(ErrorReplies.json(message, id));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone, or the response was already underway: nothing more to say
      }
    }
  }
}
