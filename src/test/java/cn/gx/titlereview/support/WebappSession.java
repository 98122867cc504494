package cn.gx.titlereview.support;

import cn.gx.titlereview.support.Api.Reply;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session, as Tasklist has it: logged in through the product's login page (with its CSRF token), then
 * calling the webapps' engine API with the session cookie and the webapps' own CSRF header, as Tasklist's scripts do.
 */
public final class WebappSession {

  /** Where Tasklist reaches the engine's REST API. */
  public static final String ENGINE = "/camunda/api/engine/engine/default";

  private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final CookieManager cookies;
  private final HttpClient client;
  private final String base;

  private WebappSession(int port, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.cookies = cookies;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs in with the demo password; fails the test if the login page does not take it. */
  public static WebappSession logIn(int port, String user) {
    return logIn(port, user, "default");
  }

  /** As {@link #logIn(int, String)}, Tasklist then asking the engine of that name who is logged in. */
  public static WebappSession logIn(int port, String user, String engine) {
    return logIn(port, user, engine, "demo");
  }

  /** As {@link #logIn(int, String)} with a password of the test's own. */
  public static WebappSession logInWith(int port, String user, String password) {
    return logIn(port, user, "default", password);
  }

  private static WebappSession logIn(int port, String user, String engine, String password) {
    WebappSession session = new WebappSession(port, new CookieManager());
    Matcher token = LOGIN_TOKEN.matcher(session.send(HttpRequest.newBuilder(session.uri("/login")).GET()).body());
    if (!token.find()) {
      throw new AssertionError("登录页没有 CSRF 令牌");
    }
    String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    Reply login = session.send(HttpRequest.newBuilder(session.uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.status() != 302 || login.header("Location").contains("error")) {
      throw new AssertionError("登录未成功：" + user + " → " + login.header("Location"));
    }
    // Tasklist asks who is logged in first; the webapps' CSRF cookie comes with the answer.
    session.get("/camunda/api/admin/auth/user/" + engine);
    return session;
  }

  /** The same browser (its cookies) sending its next requests to another port: another node behind a proxy. */
  public WebappSession at(int port) {
    return new WebappSession(port, cookies);
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply post(String path, String json) {
    return send(withToken(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json) {
    return send(withToken(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts a form of one of our pages as the browser would: with the CSRF token the page at {@code path} carries. */
  public Reply postForm(String path, String... namesAndValues) {
    Matcher token = LOGIN_TOKEN.matcher(get(path).body());
    if (!token.find()) {
      throw new AssertionError("页面没有 CSRF 令牌：" + path);
    }
    StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append('&').append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  private HttpRequest.Builder withToken(String path) {
    String token = cookies.getCookieStore().get(uri("/camunda/")).stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("X-XSRF-TOKEN", token);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Reply send(HttpRequest.Builder request) {
    return Api.exchange(client, request);
  }
}
