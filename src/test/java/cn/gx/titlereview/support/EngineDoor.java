package cn.gx.titlereview.support;

import cn.gx.titlereview.support.Api.Reply;
import java.util.HashMap;
import java.util.Map;

/**
 * The two doors to the engine's REST API: {@code /engine-rest} with HTTP Basic, and Tasklist's own API with the
 * browser session of the login page. A rule of the product must hold at both; tests run each case through each.
 */
public interface EngineDoor {

  String name();

  Reply get(String user, String path);

  Reply post(String user, String path, String json);

  Reply put(String user, String path, String json);

  /** {@code /engine-rest}, with HTTP Basic on every request; {@code null} calls anonymously. */
  static EngineDoor rest(Api api) {
    return new EngineDoor() {
      public String name() {
        return "engine-rest";
      }

      public Reply get(String user, String path) {
        return api.get("/engine-rest" + path, user);
      }

      public Reply post(String user, String path, String json) {
        return api.postJson("/engine-rest" + path, user, json);
      }

      public Reply put(String user, String path, String json) {
        return api.putJson("/engine-rest" + path, user, json);
      }
    };
  }

  /** Tasklist's API, each user logged in once through the login page; {@code null} calls without a session. */
  static EngineDoor tasklist(Api api, int port) {
    Map<String, WebappSession> sessions = new HashMap<>();
    return new EngineDoor() {
      public String name() {
        return "tasklist";
      }

      public Reply get(String user, String path) {
        return user == null ? api.get(WebappSession.ENGINE + path, null) : session(user).get(WebappSession.ENGINE + path);
      }

      public Reply post(String user, String path, String json) {
        return user == null ? api.postJson(WebappSession.ENGINE + path, null, json)
            : session(user).post(WebappSession.ENGINE + path, json);
      }

      public Reply put(String user, String path, String json) {
        return user == null ? api.putJson(WebappSession.ENGINE + path, null, json)
            : session(user).put(WebappSession.ENGINE + path, json);
      }

      private WebappSession session(String user) {
        return sessions.computeIfAbsent(user, u -> WebappSession.logIn(port, u));
      }
    };
  }
}
