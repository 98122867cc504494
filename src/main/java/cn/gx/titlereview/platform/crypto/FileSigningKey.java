package cn.gx.titlereview.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signing key in one file outside the repository (PKCS#8 private key and X.509 public key, PEM), created at the
 * first start if absent, readable by its owner only where the file system has POSIX permissions. A file that exists
 * but cannot be used stops the start: replacing it would orphan every seal made with it.
 */
public final class FileSigningKey implements SigningKey {

  private static final Logger log = LoggerFactory.getLogger(FileSigningKey.class);

  private final SignatureAlgorithm algorithm;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  /** The key in this file, made with {@code algorithm} if the file does not exist. */
  public FileSigningKey(Path file, SignatureAlgorithm algorithm) {
    String pem = Files.exists(file) ? read(file) : generate(file, algorithm);
    try {
      this.privateKey = PemKeys.privateKey(pem);
      this.publicKey = PemKeys.publicKey(pem);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(unusable(file, e.getMessage()));
    }
    this.algorithm = SignatureAlgorithm.of(publicKey);
    if (algorithm != this.algorithm) {
      throw new IllegalStateException(unusable(file, "是 " + this.algorithm.label() + " 密钥，应为 "
          + algorithm.label() + " 密钥"));
    }
    byte[] probe = file.toString().getBytes(StandardCharsets.UTF_8);
    if (!algorithm.verifies(publicKey, probe, algorithm.sign(privateKey, probe))) {
      throw new IllegalStateException(unusable(file, "私钥与公钥不配对"));
    }
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public byte[] sign(byte[] data) {
    return algorithm.sign(privateKey, data);
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key in a PEM file (a retired key, a key file of the other profile). */
  public static PublicKey publicKeyIn(Path file) {
    return PemKeys.publicKey(read(file));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取密钥文件 " + file.toAbsolutePath(), e);
    }
  }

  /** A new key pair, written under a temporary name and moved into place, so that no one reads half a key. */
  private static String generate(Path file, SignatureAlgorithm algorithm) {
    try {
      KeyPair pair = algorithm.generate();
      String pem = PemKeys.pem(PemKeys.PRIVATE, pair.getPrivate().getEncoded()) + PemKeys.pem(pair.getPublic());
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      FileAttribute<?>[] ownerOnly = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
          : new FileAttribute<?>[0];
      Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp", ownerOnly);
      Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
      try {
        Files.move(temporary, file);
      } catch (FileAlreadyExistsException e) {
        // Another instance created it meanwhile: theirs is the key.
        Files.delete(temporary);
        return read(file);
      }
      log.warn("已生成服务器 {} 签名密钥 {}，公钥指纹 {}：请备份该文件，并另存公钥", algorithm.label(), file.toAbsolutePath(),
          PemKeys.fingerprint(pair.getPublic()));
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException("无法写入签名密钥 " + file.toAbsolutePath(), e);
    }
  }

  private static String unusable(Path file, String reason) {
    return "签名密钥 " + file.toAbsolutePath() + " 不可用（" + reason + "）：请从备份恢复。删除该文件会生成新密钥，"
        + "此前签发的归档包和检查点只能用旧公钥核验";
  }
}
