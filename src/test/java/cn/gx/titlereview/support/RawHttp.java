package cn.gx.titlereview.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a plain socket, for bodies too large to build: the body is streamed from a reused buffer
 * while another thread reads the answer, because a server that refuses a body answers before it has all of it and
 * then closes the connection. Declared ({@code Content-Length}) or chunked.
 */
public final class RawHttp {

  /** The status and body of the answer. */
  public record Reply(int status, String body) {
  }

  private RawHttp() {
  }

  /**
   * POSTs {@code size} bytes: {@code prefix}, then {@code filler} repeated, then {@code suffix}. {@code declared}
   * sends the length up front, else the body is chunked.
   */
  public static Reply post(int port, String path, String user, String contentType, long size, byte[] prefix,
      byte filler, byte[] suffix, boolean declared) throws IOException, InterruptedException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: " + contentType + "\r\n"
          + (declared ? "Content-Length: " + size + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
      Thread writer = new Thread(() -> {
        try {
          out.write(head.getBytes(StandardCharsets.UTF_8));
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, filler);
          long middle = size - prefix.length - suffix.length;
          write(out, prefix, declared);
          for (long sent = 0; sent < middle; sent += chunk.length) {
            write(out, middle - sent >= chunk.length ? chunk : java.util.Arrays.copyOf(chunk, (int) (middle - sent)),
                declared);
          }
          write(out, suffix, declared);
          if (!declared) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.flush();
        } catch (IOException refusedMidway) {
          // the server answered and closed the connection: what we came for
        }
      }, "raw-http-writer");
      writer.setDaemon(true);
      writer.start();
      Reply reply = read(socket.getInputStream());
      socket.close();
      writer.join(60_000);
      return reply;
    }
  }

  /** Sends the request exactly as given, byte for byte (no client tidies the address), and reads the answer. */
  public static Reply send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  private static void write(OutputStream out, byte[] bytes, boolean declared) throws IOException {
    if (bytes.length == 0) {
      return;
    }
    if (!declared) {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes);
    if (!declared) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static Reply read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    }
    return new Reply(status, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
