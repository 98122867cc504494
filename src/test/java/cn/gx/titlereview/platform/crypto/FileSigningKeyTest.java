package cn.gx.titlereview.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileSigningKeyTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void theKeyIsCreatedOnceReadableByItsOwnerOnlyAndKeptAcrossStarts(SignatureAlgorithm algorithm) throws IOException {
    Path file = dir.resolve("keys/signing-key.pem");
    FileSigningKey first = new FileSigningKey(file, algorithm);
    assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    FileSigningKey again = new FileSigningKey(file, algorithm);
    assertThat(again.fingerprint()).isEqualTo(first.fingerprint())
        .startsWith(algorithm.fingerprintHash().id() + ":").hasSize(algorithm.fingerprintHash().id().length() + 65);
    assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
    assertThat(again.algorithm()).isEqualTo(algorithm);
    byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
    var publicKey = PemKeys.publicKey(first.publicKeyPem());
    assertThat(SignatureAlgorithm.of(publicKey)).isEqualTo(algorithm);
    assertThat(algorithm.verifies(publicKey, data, again.sign(data))).isTrue();
    data[0] ^= 1;
    assertThat(algorithm.verifies(publicKey, data, again.sign("manifest".getBytes(StandardCharsets.UTF_8)))).isFalse();
  }

  @Test
  void aDamagedKeyFileStopsTheStartInsteadOfBeingReplaced() throws IOException {
    Path file = dir.resolve("signing-key.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> new FileSigningKey(file, SignatureAlgorithm.SM2))
        .hasMessageContaining("不可用").hasMessageContaining("请从备份恢复");
    assertThat(Files.readString(file)).contains("AAAA");
  }

  @Test
  void aKeyFileOfTheOtherAlgorithmIsRefusedNotReplaced() {
    Path file = dir.resolve("ed25519.pem");
    new FileSigningKey(file, SignatureAlgorithm.ED25519);
    assertThatThrownBy(() -> new FileSigningKey(file, SignatureAlgorithm.SM2))
        .hasMessageContaining("是 Ed25519 密钥，应为 SM2 密钥");
  }

  /**
   * Under gm, the Ed25519 key of earlier versions still verifies what it signed, beside the new SM2 key; a retired
   * key listed by file too.
   */
  @Test
  void theOtherProfilesKeyAndRetiredKeysStayTrusted() throws IOException {
    FileSigningKey old = new FileSigningKey(dir.resolve("archive-signing-key.pem"), SignatureAlgorithm.ED25519);
    FileSigningKey retired = new FileSigningKey(dir.resolve("retired.pem"), SignatureAlgorithm.SM2);
    Path retiredPublic = Files.writeString(dir.resolve("retired-public.pem"), retired.publicKeyPem());
    CryptoSettings settings = new CryptoSettings(CryptoSettings.Profile.GM, dir.resolve("sm2.pem").toString(),
        dir.resolve("archive-signing-key.pem").toString(), List.of(retiredPublic.toString()));
    ServerKeys keys = new ServerKeys();
    SigningKey current = keys.signingKey(settings);
    assertThat(current.algorithm()).isEqualTo(SignatureAlgorithm.SM2);
    assertThat(keys.trustedKeys(current, settings).keys()).extracting(PemKeys::fingerprint)
        .containsExactly(current.fingerprint(), old.fingerprint(), retired.fingerprint());
  }
}
