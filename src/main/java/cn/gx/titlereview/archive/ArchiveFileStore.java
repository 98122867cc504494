package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where archived files' bytes are kept: in the database (the default, {@code titlereview.archive.store=database})
 * or as files under {@code titlereview.archive.directory} ({@code filesystem}), named by session and SHA-256.
 * Reading a file back checks its hash, so that a file changed on disk is refused, not served.
 */
@Component
class ArchiveFileStore {

  private final boolean onFileSystem;
  private final Path directory;

  ArchiveFileStore(@Value("${titlereview.archive.store:database}") String store,
      @Value("${titlereview.archive.directory:./data/archive}") Path directory) {
    if (!store.equals("database") && !store.equals("filesystem")) {
      throw new IllegalArgumentException("titlereview.archive.store 应为 database 或 filesystem，实际为 " + store);
    }
    this.onFileSystem = store.equals("filesystem");
    this.directory = directory;
  }

  /** Writes the bytes to the file system when so configured; returns their location, or null to keep them in the row. */
  public String put(long sessionId, String sha256, byte[] content) {
    if (!onFileSystem) {
      return null;
    }
    Path relative = Path.of(String.valueOf(sessionId), sha256);
    try {
      Path file = directory.resolve(relative);
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.write(file, content);
      }
      return relative.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("无法写入归档文件 " + relative, e);
    }
  }

  /** The bytes of a file: from the row, or from the file system, checked against the recorded hash. */
  public byte[] get(String location, byte[] rowContent, String sha256) {
    if (location == null) {
      return rowContent;
    }
    try {
      byte[] content = Files.readAllBytes(directory.resolve(location));
      if (!ImportFile.sha256(content).equals(sha256)) {
        throw new IllegalStateException("归档文件 " + location + " 的 SHA-256 与登记时不符，文件已被改动");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取归档文件 " + location, e);
    }
  }
}
