package cn.gx.titlereview.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every file a controller hands out as a download (a {@code Content-Disposition: attachment} reply: the record, the
 * lists, the workbooks) is an export and gets its audit line, in one place, unless the controller recorded it itself.
 * The subject is the path's {@code {code}} (a session's or a committee's), else the path.
 */
@ControllerAdvice
class ExportAudit implements ResponseBodyAdvice<Object> {

  private final AuditTrail trail;

  ExportAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    if (disposition == null || !disposition.startsWith("attachment")
        || !(request instanceof ServletServerHttpRequest servlet)) {
      return body;
    }
    HttpServletRequest http = servlet.getServletRequest();
    if (http.getAttribute(AuditTrail.EXPORT_RECORDED) != null) {
      return body;
    }
    String file = ContentDisposition.parse(disposition).getFilename();
    Object variables = http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Object code = variables instanceof Map<?, ?> map ? map.get("code") : null;
    trail.record(AuditKind.EXPORT, code != null ? code.toString() : http.getRequestURI(),
        "下载《" + (file == null ? http.getRequestURI() : file) + "》");
    return body;
  }
}
