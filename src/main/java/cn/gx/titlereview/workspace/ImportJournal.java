package cn.gx.titlereview.workspace;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.session.SessionRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The history of every list uploaded to a session, accepted or refused: written when the answer goes out, after the
 * import's own transaction, so that a refused import — which writes nothing — is still on record with its problems.
 */
@ControllerAdvice
class ImportJournal implements ResponseBodyAdvice<Object> {

  /** One upload, as the 数据工作台 lists it. */
  public record Entry(String fileName, String sha256, Integer rows, boolean accepted, String problems, String user,
      Instant at) {
  }

  /** The list is the part of the path after the session: {@code /api/sessions/{code}/draw/responses}. */
  private static final Pattern SESSION_PATH = Pattern.compile("/api/sessions/([^/]+)/(.+)");
  private static final int MAX_PROBLEMS = 4000;

  private final JdbcClient jdbc;
  private final SessionRepository sessions;
  private final CurrentUser currentUser;
  private final Clock clock;

  ImportJournal(JdbcClient jdbc, SessionRepository sessions, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The uploads of one list, newest first. */
  public List<Entry> history(long sessionId, String list) {
    return jdbc.sql("""
            select file_name, sha256, row_count, accepted, problems, user_id, uploaded_at from import_journal
            where session_id = ? and list_path = ? order by id desc""")
        .params(sessionId, list)
        .query((rs, n) -> new Entry(rs.getString("file_name"), rs.getString("sha256"),
            (Integer) rs.getObject("row_count"), rs.getBoolean("accepted"), rs.getString("problems"),
            rs.getString("user_id"), rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (request instanceof ServletServerHttpRequest servlet && body instanceof Map<?, ?> answer) {
      record(servlet.getServletRequest(), answer);
    }
    return body;
  }

  private void record(HttpServletRequest request, Map<?, ?> answer) {
    if (!(request.getAttribute(UploadReader.FILE_ATTRIBUTE) instanceof ImportFile file)) {
      return;
    }
    Matcher path = SESSION_PATH.matcher(request.getRequestURI());
    if (!path.matches()) {
      return;
    }
    sessions.findByCode(path.group(1)).ifPresent(session -> {
      boolean accepted = !answer.containsKey("error");
      Object rows = answer.containsKey("imported") ? answer.get("imported") : answer.get("recorded");
      String problems = accepted ? null : problems(answer);
      jdbc.sql("""
              insert into import_journal
                (session_id, list_path, file_name, sha256, row_count, accepted, problems, user_id, uploaded_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(session.id(), path.group(2), file.fileName(), file.sha256(),
              rows instanceof Number n ? n.intValue() : null, accepted, problems, currentUser.id(),
              Timestamp.from(clock.instant()))
          .update();
    });
  }

  private static String problems(Map<?, ?> answer) {
    String text = answer.get("problems") instanceof List<?> list && !list.isEmpty()
        ? String.join("；", list.stream().map(String::valueOf).toList()) : String.valueOf(answer.get("error"));
    return text.length() <= MAX_PROBLEMS ? text : text.substring(0, MAX_PROBLEMS - 1) + "…";
  }
}
