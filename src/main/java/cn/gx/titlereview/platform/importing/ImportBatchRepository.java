package cn.gx.titlereview.platform.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each accepted import's file hash and row count: the evidence that a list was imported whole. */
@Repository
public class ImportBatchRepository {

  public record ImportBatch(String kind, String fileName, String sha256, int rowCount, String importedBy,
      Instant importedAt) {
  }

  private final JdbcClient jdbc;

  public ImportBatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(long sessionId, String kind, ImportFile file, int rowCount, String user, Instant at) {
    jdbc.sql("""
            insert into import_batch (session_id, kind, file_name, sha256, row_count, imported_by, imported_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, kind, file.fileName(), file.sha256(), rowCount, user, Timestamp.from(at))
        .update();
  }

  public Optional<ImportBatch> latest(long sessionId, String kind) {
    return history(sessionId, kind).stream().findFirst();
  }

  /** Every accepted import of the kind, newest first. */
  public List<ImportBatch> history(long sessionId, String kind) {
    return jdbc.sql("select * from import_batch where session_id = ? and kind = ? order by id desc")
        .params(sessionId, kind)
        .query((rs, n) -> new ImportBatch(rs.getString("kind"), rs.getString("file_name"), rs.getString("sha256"),
            rs.getInt("row_count"), rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant()))
        .list();
  }
}
