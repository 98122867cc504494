package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import cn.gx.titlereview.platform.web.BusinessException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFileStoreTest {

  @TempDir Path directory;

  private final byte[] minutes = "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8);
  private final String sha256 = ImportFile.sha256(minutes);

  @Test
  void theDefaultKeepsFilesInTheDatabaseRow() {
    ArchiveFileStore store = new ArchiveFileStore("database", directory);
    assertThat(store.put(7, sha256, minutes)).isNull();
    assertThat(store.get(null, minutes, sha256)).isEqualTo(minutes);
  }

  @Test
  void theFileSystemStoreWritesByHashAndReadsBackChecked() throws Exception {
    ArchiveFileStore store = new ArchiveFileStore("filesystem", directory);
    String location = store.put(7, sha256, minutes);
    assertThat(directory.resolve(location)).hasBinaryContent(minutes);
    assertThat(store.get(location, new byte[0], sha256)).isEqualTo(minutes);
    Files.write(directory.resolve(location), "changed".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.get(location, new byte[0], sha256)).hasMessageContaining("文件已被改动");
  }

  @Test
  void anUnknownStoreIsRefusedAtStart() {
    assertThatThrownBy(() -> new ArchiveFileStore("s3", directory)).hasMessageContaining("database 或 filesystem");
  }
  @Test
  void anArchiveAtItsCapacityRefusesTheNextFileInChinese() {
    ArchiveFileStore store = new ArchiveFileStore(new ArchiveFileStore.Settings("database", directory,
        DataSize.ofKilobytes(1)));
    store.checkCapacity(800, 224);
    assertThatThrownBy(() -> store.checkCapacity(800, 225))
        .isInstanceOfSatisfying(BusinessException.class,
            refused -> assertThat(refused.status()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE))
        .hasMessageContaining("归档存储空间已满").hasMessageContaining("已归档的文件不受影响");
  }

  /**
   * A disk that fills up (a 3 MB file system of its own, mounted where the machine lets the build mount one, as it
   * does as root): the file that does not fit is refused in Chinese, no part of it is left, and every file stored
   * before reads back whole.
   */
  @Test
  void aFullDiskRefusesTheFileAndKeepsEveryFileStoredBefore() throws Exception {
    Path disk = Files.createDirectory(directory.resolve("disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString()), "no small disk to fill here");
    try {
      ArchiveFileStore store = new ArchiveFileStore("filesystem", disk);
      java.util.Map<String, byte[]> stored = new java.util.LinkedHashMap<>();
      refused:
      for (int i = 0; ; i++) {
        byte[] scan = new byte[400 * 1024];
        new java.util.Random(i).nextBytes(scan);
        try {
          stored.put(store.put(7, ImportFile.sha256(scan), scan), scan);
        } catch (BusinessException full) {
          assertThat(full.status()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
          assertThat(full.getMessage()).contains("归档存储空间已满", "磁盘");
          break refused;
        }
        assertThat(i).as("the disk fills up").isLessThan(20);
      }
      assertThat(stored).as("files fitted before the disk was full").isNotEmpty();
      stored.forEach((location, content) ->
          assertThat(store.get(location, new byte[0], ImportFile.sha256(content))).isEqualTo(content));
      try (var files = Files.walk(disk)) {
        assertThat(files.filter(Files::isRegularFile)).as("nothing half-written")
            .hasSize(stored.size()).noneMatch(f -> f.toString().endsWith(".part"));
      }
    } finally {
      run("umount", disk.toString());
    }
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (java.io.IOException notThere) {
      return false;
    }
  }
}
