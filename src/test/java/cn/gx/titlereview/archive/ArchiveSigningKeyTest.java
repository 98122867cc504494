package cn.gx.titlereview.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSigningKeyTest {

  @TempDir Path dir;

  @Test
  void theKeyIsCreatedOnceReadableByItsOwnerOnlyAndKeptAcrossStarts() throws IOException {
    Path file = dir.resolve("keys/archive-signing-key.pem");
    ArchiveSigningKey first = new ArchiveSigningKey(file.toString(), new String[0]);
    assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    ArchiveSigningKey again = new ArchiveSigningKey(file.toString(), new String[0]);
    assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).hasSize(64);
    assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
    byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
    assertThat(ArchiveKeys.verifies(ArchiveKeys.publicKey(first.publicKeyPem()), data, again.sign(data))).isTrue();
  }

  @Test
  void aDamagedKeyFileStopsTheStartInsteadOfBeingReplaced() throws IOException {
    Path file = dir.resolve("archive-signing-key.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> new ArchiveSigningKey(file.toString(), new String[0]))
        .hasMessageContaining("不可用").hasMessageContaining("请从备份恢复");
    assertThat(Files.readString(file)).contains("AAAA");
  }

  @Test
  void aRetiredPublicKeyStaysTrustedAfterARotation() throws IOException {
    ArchiveSigningKey old = new ArchiveSigningKey(dir.resolve("old.pem").toString(), new String[0]);
    Path oldPublic = Files.writeString(dir.resolve("old-public.pem"), old.publicKeyPem());
    ArchiveSigningKey current = new ArchiveSigningKey(dir.resolve("new.pem").toString(),
        new String[] {oldPublic.toString()});
    assertThat(current.trusted()).extracting(ArchiveKeys::fingerprint)
        .containsExactly(current.fingerprint(), old.fingerprint());
  }
}
