package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.importing.UploadedDocument;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ArchiveRepository {

  /**
   * An archived file's metadata. {@code fileName} is the uploader's, for display; {@code storedName} is ours, the
   * item, the file's number within the item and a whitelisted extension ({@code MINUTES-003.pdf}), and is the only
   * name the package uses.
   */
  public record ArchiveFile(long id, String item, String fileName, String storedName, String contentType,
      long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

    /** Where the file lies in the archive package. */
    public String packagePath() {
      return "files/" + item + "/" + storedName;
    }
  }

  private final JdbcClient jdbc;
  private final ArchiveFileStore store;

  public ArchiveRepository(JdbcClient jdbc, ArchiveFileStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  public void add(long sessionId, ArchiveItem item, String fileName, String contentType, byte[] content,
      String sha256, String user, Instant at) {
    store.checkCapacity(jdbc.sql("select coalesce(sum(size_bytes), 0) from archive_file").query(Long.class).single(),
        content.length);
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

  /**
   * The files' metadata, without their content. A file's number counts the item's files in upload order; files are
   * never deleted, so the number, and the stored name, never change.
   */
  public List<ArchiveFile> files(long sessionId) {
    return jdbc.sql("""
            select id, item, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,
                   row_number() over (partition by item order by id) as number_in_item
            from archive_file where session_id = ? order by id""")
        .param(sessionId)
        .query((rs, n) -> {
          String item = rs.getString("item");
          String fileName = rs.getString("file_name");
          String storedName = "%s-%03d.%s".formatted(item, rs.getLong("number_in_item"),
              UploadedDocument.safeExtension(fileName, ArchiveItem.FILE_TYPES));
          return new ArchiveFile(rs.getLong("id"), item, fileName, storedName, rs.getString("content_type"),
              rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
              rs.getTimestamp("uploaded_at").toInstant());
        })
        .list();
  }

  /** Records a package the server signed, by its manifest's SHA-256. */
  public void recordPackage(long sessionId, String manifestSha256, String keyFingerprint, Instant at, String user) {
    jdbc.sql("""
            insert into archive_package (session_id, manifest_sha256, key_fingerprint, generated_at, generated_by)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, manifestSha256, keyFingerprint, Timestamp.from(at), user)
        .update();
  }

  /** The session a package with this manifest was issued for, if the server issued one. */
  public Optional<Long> packageIssuedFor(String manifestSha256) {
    return jdbc.sql("select distinct session_id from archive_package where manifest_sha256 = ?")
        .param(manifestSha256)
        .query(Long.class)
        .optional();
  }
}
