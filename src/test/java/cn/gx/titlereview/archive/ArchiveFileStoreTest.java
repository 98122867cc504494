package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
