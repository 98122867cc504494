package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.web.BusinessException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where archived files' bytes are kept: in the database (the default, {@code titlereview.archive.store=database})
 * or as files under {@code titlereview.archive.directory} ({@code filesystem}), named by session and SHA-256.
 * Reading a file back checks its hash, so that a file changed on disk is refused, not served.
 * <p>
 * A full store refuses the upload (507, in Chinese) and keeps every file already stored: past the configured
 * {@code titlereview.archive.capacity}, or when the disk has no room. A file is written beside its place and moved
 * there whole, so that a disk filling up mid-write leaves no truncated file under a hash name.
 */
@Component
@EnableConfigurationProperties(ArchiveFileStore.Settings.class)
class ArchiveFileStore {

  /**
   * {@code titlereview.archive.store}, {@code .directory}, and {@code .capacity}: the most the archived files may
   * take together (their sizes as uploaded), none when unset.
   */
  @ConfigurationProperties("titlereview.archive")
  record Settings(@DefaultValue("database") String store, @DefaultValue("./data/archive") Path directory,
      DataSize capacity) {
  }

  /** Room kept free on the disk beyond the file itself, for the file system's own needs. */
  private static final long DISK_RESERVE = DataSize.ofMegabytes(1).toBytes();

  private final boolean onFileSystem;
  private final Path directory;
  private final DataSize capacity;

  @Autowired
  ArchiveFileStore(Settings settings) {
    if (!settings.store().equals("database") && !settings.store().equals("filesystem")) {
      throw new IllegalArgumentException("titlereview.archive.store 应为 database 或 filesystem，实际为 "
          + settings.store());
    }
    this.onFileSystem = settings.store().equals("filesystem");
    this.directory = settings.directory();
    this.capacity = settings.capacity();
  }

  ArchiveFileStore(String store, Path directory) {
    this(new Settings(store, directory, null));
  }

  /** Refuses a file that would take the archive past its capacity, given what the stored files take already. */
  public void checkCapacity(long storedBytes, long fileBytes) {
    if (capacity != null && storedBytes + fileBytes > capacity.toBytes()) {
      throw full("已用 " + megabytes(storedBytes) + "，上限 " + megabytes(capacity.toBytes()) + "，本文件 "
          + megabytes(fileBytes));
    }
  }

  /** Writes the bytes to the file system when so configured; returns their location, or null to keep them in the row. */
  public String put(long sessionId, String sha256, byte[] content) {
    if (!onFileSystem) {
      return null;
    }
    Path relative = Path.of(String.valueOf(sessionId), sha256);
    Path file = directory.resolve(relative);
    Path partial = null;
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file)) {
        return relative.toString();
      }
      long usable = Files.getFileStore(file.getParent()).getUsableSpace();
      if (usable < content.length + DISK_RESERVE) {
        throw full("磁盘剩余 " + megabytes(usable) + "，本文件 " + megabytes(content.length));
      }
      partial = Files.createTempFile(file.getParent(), sha256, ".part");
      Files.write(partial, content);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return relative.toString();
    } catch (IOException e) {
      deleteQuietly(partial);
      if (isDiskFull(e)) {
        throw full("磁盘已无剩余空间");
      }
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

  private static BusinessException full(String detail) {
    return new BusinessException(HttpStatus.INSUFFICIENT_STORAGE, "归档存储空间已满（" + detail
        + "），本文件未保存，已归档的文件不受影响；请联系系统管理员扩充归档存储空间后重新上传");
  }

  /** ENOSPC, as the JDK reports it (it has no exception type of its own). */
  private static boolean isDiskFull(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("No space left on device");
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }

  private static void deleteQuietly(Path partial) {
    if (partial != null) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a leftover ".part" file is never read: files are found by their hash name alone
      }
    }
  }
}
