package cn.gx.titlereview.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is bounded by the multipart limit ({@code spring.servlet.multipart.max-request-size}, 25 MB): a
 * JSON body, an import, a form. A body that declares more is refused with 413 before it is read; a body without a
 * length (chunked) is read through a counting stream that stops at the limit, so nothing ever holds more than the
 * limit in memory. Multipart bodies are parsed by the servlet container under the same limit.
 * <p>
 * One exception: a {@code application/zip} body, which only {@code POST /api/archive/verify} accepts (a package past
 * the upload limit), is read as a stream by the archive verifier under its own limits ({@code titlereview.archive.limits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimit extends OncePerRequestFilter {

  /** Thrown by the counting stream when a body passes the limit: answered 413 wherever it surfaces. */
  public static class TooLarge extends RuntimeException {

    TooLarge(String message) {
      super(message);
    }
  }

  private final long max;

  public RequestBodyLimit(MultipartProperties multipart) {
    this.max = multipart.getMaxRequestSize().toBytes();
  }

  public String message() {
    return "请求内容超过 " + (max >> 20) + "MB 的大小限制：请减少内容，或拆分后分批提交";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (streamedOnItsOwnTerms(request) || max <= 0) {
      chain.doFilter(request, response);
    } else if (request.getContentLengthLong() > max) {
      ErrorReplies.write(response, HttpStatus.PAYLOAD_TOO_LARGE, message(), null);
    } else {
      chain.doFilter(new Capped(request), response);
    }
  }

  private static boolean streamedOnItsOwnTerms(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/zip");
  }

  /** The request with its body stream counted. */
  private final class Capped extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Capped(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
  }

  private final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    CountingStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, (int) Math.min(len, max - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new TooLarge(message());
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
