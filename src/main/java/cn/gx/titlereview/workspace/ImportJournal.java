package cn.gx.titlereview.workspace;

import cn.gx.titlereview.session.ListUploaded;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of every list uploaded to a session, accepted or refused ({@link ListUploaded}), so that a refused
 * import — which writes nothing — is still on record with its problems.
 */
@Component
class ImportJournal {

  /** One upload, as the 数据工作台 lists it. */
  public record Entry(String fileName, String sha256, Integer rows, boolean accepted, String problems, String user,
      Instant at) {
  }

  private static final int MAX_PROBLEMS = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;

  ImportJournal(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
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

  @EventListener
  void record(ListUploaded upload) {
    jdbc.sql("""
            insert into import_journal
              (session_id, list_path, file_name, sha256, row_count, accepted, problems, user_id, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(upload.sessionId(), upload.list(), upload.file().fileName(), upload.file().sha256(), upload.rows(),
            upload.accepted(), upload.accepted() ? null : problems(upload.problems()), upload.user(),
            Timestamp.from(clock.instant()))
        .update();
  }

  private static String problems(List<String> problems) {
    String text = String.join("；", problems);
    return text.length() <= MAX_PROBLEMS ? text : text.substring(0, MAX_PROBLEMS - 1) + "…";
  }
}
