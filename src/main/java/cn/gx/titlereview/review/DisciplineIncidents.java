package cn.gx.titlereview.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Discipline incidents (违纪事件) of a session and their dispositions. */
@Repository
public class DisciplineIncidents {

  public record Incident(long id, String itemKey, String itemText, String openedBy, String description,
      String involved, String action, String disposedBy) {

    public boolean disposed() {
      return disposedBy != null;
    }
  }

  private final JdbcClient jdbc;

  public DisciplineIncidents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(long sessionId, String itemKey, String itemText, String user, Instant at) {
    jdbc.sql("""
            insert into discipline_incident (session_id, item_key, item_text, opened_by, opened_at)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, itemKey, itemText, user, Timestamp.from(at)).update();
  }

  public int dispose(long sessionId, long id, String description, String involved, String action, String user,
      Instant at) {
    return jdbc.sql("""
            update discipline_incident set description = ?, involved = ?, action = ?, disposed_by = ?, disposed_at = ?
            where session_id = ? and id = ?""")
        .params(description, involved, action, user, Timestamp.from(at), sessionId, id).update();
  }

  public List<Incident> list(long sessionId) {
    return jdbc.sql("select * from discipline_incident where session_id = ? order by id").param(sessionId)
        .query((rs, n) -> new Incident(rs.getLong("id"), rs.getString("item_key"), rs.getString("item_text"),
            rs.getString("opened_by"), rs.getString("description"), rs.getString("involved"), rs.getString("action"),
            rs.getString("disposed_by")))
        .list();
  }
}
