package cn.gx.titlereview.archive;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ArchiveRepository {

  public record ArchiveFile(long id, String item, String fileName, String contentType, long sizeBytes,
      String sha256, String uploadedBy, Instant uploadedAt) {
  }

  private final JdbcClient jdbc;
  private final ArchiveFileStore store;

  public ArchiveRepository(JdbcClient jdbc, ArchiveFileStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  public void add(long sessionId, ArchiveItem item, String fileName, String contentType, byte[] content,
      String sha256, String user, Instant at) {
    String location = store.put(sessionId, sha256, content);
    jdbc.sql("""
            insert into archive_file (session_id, item, file_name, content_type, size_bytes, sha256, content,
                                      location, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, item.name(), fileName, contentType, content.length, sha256,
            location == null ? content : new byte[0], location, user, Timestamp.from(at))
        .update();
  }

  /** One file's content. */
  public byte[] content(long sessionId, long fileId) {
    return jdbc.sql("select content, location, sha256 from archive_file where session_id = ? and id = ?")
        .params(sessionId, fileId)
        .query((rs, n) -> store.get(rs.getString("location"), rs.getBytes("content"), rs.getString("sha256")))
        .single();
  }

  /** The files' metadata, without their content. */
  public List<ArchiveFile> files(long sessionId) {
    return jdbc.sql("""
            select id, item, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
            from archive_file where session_id = ? order by id""")
        .param(sessionId)
        .query((rs, n) -> new ArchiveFile(rs.getLong("id"), rs.getString("item"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }
}
