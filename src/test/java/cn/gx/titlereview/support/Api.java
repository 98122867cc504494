package cn.gx.titlereview.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP calls against the running test server, as a user with the demo password (or anonymously). */
public final class Api {

  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public Reply get(String path, String user) {
    return send(request(path, user).GET());
  }

  public Reply postJson(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A browser's form post (url-encoded); {@code fields} are name, value, name, value…. */
  public Reply postForm(String path, String user, String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=').append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(request(path, user).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public Reply putJson(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path, String user) {
    return send(request(path, user).DELETE());
  }

  public Reply postFile(String path, String user, String fileName, byte[] content) {
    String boundary = "----title-review-test";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public Reply postBytes(String path, String user, String contentType, byte[] content) {
    return send(request(path, user).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : "demo";
      String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  /** A file's bytes (a package, a .docx); anything but 200 is a test failure. */
  public byte[] download(String path, String user) {
    HttpResponse<byte[]> response = exchange(client, request(path, user).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private Reply send(HttpRequest.Builder request) {
    return exchange(client, request);
  }

  /** Sends the request and reads the answer as text; shared with {@link WebappSession}. */
  static Reply exchange(HttpClient client, HttpRequest.Builder request) {
    HttpResponse<String> response =
        exchange(client, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(response.statusCode(), response.body(), response.headers());
  }

  private static <T> HttpResponse<T> exchange(HttpClient client, HttpRequest.Builder request,
      HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request.build(), body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
