package cn.gx.titlereview.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's Ed25519 key, which signs every archive package's manifest: the packages' trust anchor. It lives in one
 * file outside the repository, {@code titlereview.archive.signing-key} (PKCS#8 private key and X.509 public key, PEM),
 * created at the first start if absent, readable by its owner only where the file system has POSIX permissions. The
 * public keys of earlier keys ({@code titlereview.archive.retired-public-keys}, after a rotation) still verify the
 * packages they signed.
 */
@Component
public class ArchiveSigningKey {

  private static final Logger log = LoggerFactory.getLogger(ArchiveSigningKey.class);

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final List<PublicKey> trusted;

  public ArchiveSigningKey(@Value("${titlereview.archive.signing-key:./data/archive-signing-key.pem}") String file,
      @Value("${titlereview.archive.retired-public-keys:}") String[] retiredPublicKeys) {
    Path path = Path.of(file);
    String pem = Files.exists(path) ? read(path) : generate(path);
    try {
      this.privateKey = ArchiveKeys.privateKey(pem);
      this.publicKey = ArchiveKeys.publicKey(pem);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(unusable(path, e.getMessage()));
    }
    byte[] probe = path.toString().getBytes(StandardCharsets.UTF_8);
    if (!ArchiveKeys.verifies(publicKey, probe, ArchiveKeys.sign(privateKey, probe))) {
      throw new IllegalStateException(unusable(path, "私钥与公钥不配对"));
    }
    this.trusted = Stream.concat(Stream.of(publicKey), Arrays.stream(retiredPublicKeys).filter(s -> !s.isBlank())
        .map(s -> retired(Path.of(s.trim())))).toList();
  }

  /** The detached signature of these bytes. */
  public byte[] sign(byte[] data) {
    return ArchiveKeys.sign(privateKey, data);
  }

  public String fingerprint() {
    return ArchiveKeys.fingerprint(publicKey);
  }

  public String publicKeyPem() {
    return ArchiveKeys.pem(ArchiveKeys.PUBLIC, publicKey.getEncoded());
  }

  /** The keys a package's signature may verify against online: this one, then the retired ones. */
  List<PublicKey> trusted() {
    return trusted;
  }

  private static PublicKey retired(Path file) {
    try {
      return ArchiveKeys.publicKey(read(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("titlereview.archive.retired-public-keys 中的 " + file.toAbsolutePath() + " 不可用："
          + e.getMessage());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取密钥文件 " + file.toAbsolutePath(), e);
    }
  }

  /** A new key pair, written under a temporary name and moved into place, so that no one reads half a key. */
  private static String generate(Path file) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ArchiveKeys.ALGORITHM).generateKeyPair();
      String pem = ArchiveKeys.pem(ArchiveKeys.PRIVATE, pair.getPrivate().getEncoded())
          + ArchiveKeys.pem(ArchiveKeys.PUBLIC, pair.getPublic().getEncoded());
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      FileAttribute<?>[] ownerOnly = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
          : new FileAttribute<?>[0];
      Path temporary = Files.createTempFile(directory, ".archive-signing-key", ".tmp", ownerOnly);
      Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
      try {
        Files.move(temporary, file);
      } catch (FileAlreadyExistsException e) {
        // Another instance created it meanwhile: theirs is the key.
        Files.delete(temporary);
        return read(file);
      }
      log.warn("已生成归档包签名密钥 {}，公钥指纹 {}：请备份该文件，并另存公钥", file.toAbsolutePath(),
          ArchiveKeys.fingerprint(pair.getPublic()));
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException("无法写入归档包签名密钥 " + file.toAbsolutePath(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unusable(Path file, String reason) {
    return "归档包签名密钥 " + file.toAbsolutePath() + " 不可用（" + reason + "）：请从备份恢复。删除该文件会生成新密钥，"
        + "此前签发的归档包只能用旧公钥核验";
  }
}
