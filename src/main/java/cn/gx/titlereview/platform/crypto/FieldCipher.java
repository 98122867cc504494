package cn.gx.titlereview.platform.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts single fields of personal data (a telephone number, an e-mail address) for the database: SM4-GCM under
 * the 国密 profile, AES-128-GCM under {@code intl}, both by Bouncy Castle, with a fresh 12-byte nonce each time. The
 * value names its algorithm and key ({@code sm4:k1:<base64 nonce‖ciphertext‖tag>}), so a value written under an
 * earlier key or profile still opens while that key stays in the file, and a rotation finds what is left to
 * re-encrypt ({@link #isCurrent}).
 *
 * <p>The keys live in one file outside the database, created with a first key at the first start if absent,
 * readable by its owner only where the file system has POSIX permissions.
 */
@Component
@EnableConfigurationProperties(FieldKeySettings.class)
public class FieldCipher {

  private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, byte[]> keys;
  private final String currentId;
  private final String algorithm;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public FieldCipher(FieldKeySettings settings, CryptoSettings crypto) {
    this(Path.of(settings.file()), crypto.profile() == CryptoSettings.Profile.GM ? "sm4" : "aes");
  }

  FieldCipher(Path file, String algorithm) {
    Properties properties = load(file);
    this.keys = new HashMap<>();
    for (String id : properties.stringPropertyNames()) {
      if (!id.equals("current")) {
        byte[] key = Base64.getDecoder().decode(properties.getProperty(id).strip());
        if (key.length != 16) {
          throw new IllegalStateException("字段加密密钥文件 " + file.toAbsolutePath() + " 中的密钥 " + id + " 不是 16 字节");
        }
        keys.put(id, key);
      }
    }
    this.currentId = properties.getProperty("current", "").strip();
    if (!keys.containsKey(currentId)) {
      throw new IllegalStateException("字段加密密钥文件 " + file.toAbsolutePath() + " 的 current=" + currentId
          + " 不是文件中的密钥");
    }
    this.algorithm = algorithm;
  }

  /** The value to store: algorithm, key id and the encrypted text; null stays null. */
  public String seal(String plain) {
    if (plain == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    GCMModeCipher gcm = gcm(algorithm, true, keys.get(currentId), nonce);
    byte[] input = plain.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[NONCE + gcm.getOutputSize(input.length)];
    System.arraycopy(nonce, 0, out, 0, NONCE);
    int n = gcm.processBytes(input, 0, input.length, out, NONCE);
    try {
      gcm.doFinal(out, NONCE + n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
    return algorithm + ":" + currentId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
  }

  /** The plain text of a sealed value; refuses a value whose key is not in the file or that was altered. */
  public String open(String sealed) {
    if (sealed == null) {
      return null;
    }
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !(parts[0].equals("sm4") || parts[0].equals("aes"))) {
      throw new IllegalStateException("不是加密字段：数据库中有未加密的个人信息");
    }
    byte[] key = keys.get(parts[1]);
    if (key == null) {
      throw new IllegalStateException("字段加密密钥 " + parts[1] + " 不在密钥文件中：请从备份恢复该密钥");
    }
    byte[] all = Base64.getDecoder().decode(parts[2]);
    GCMModeCipher gcm = gcm(parts[0], false, key, java.util.Arrays.copyOf(all, NONCE));
    byte[] out = new byte[gcm.getOutputSize(all.length - NONCE)];
    int n = gcm.processBytes(all, NONCE, all.length - NONCE, out, 0);
    try {
      n += gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("加密字段无法解密（密钥不符或数据被改动）", e);
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  /** Whether a sealed value is under the current key and algorithm (null counts as current: nothing to redo). */
  public boolean isCurrent(String sealed) {
    return sealed == null || sealed.startsWith(algorithm + ":" + currentId + ":");
  }

  /** Whether a stored value is sealed at all (a migration encrypts the ones that are not). */
  public static boolean isSealed(String value) {
    return value != null && (value.startsWith("sm4:") || value.startsWith("aes:")) && value.split(":", 3).length == 3;
  }

  public String currentKeyId() {
    return currentId;
  }

  private static GCMModeCipher gcm(String algorithm, boolean encrypt, byte[] key, byte[] nonce) {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(algorithm.equals("sm4") ? new SM4Engine() : AESEngine.newInstance());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
    return gcm;
  }

  private static Properties load(Path file) {
    try {
      String text = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : generate(file);
      Properties properties = new Properties();
      properties.load(new StringReader(text));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取字段加密密钥文件 " + file.toAbsolutePath(), e);
    }
  }

  /** A first key, written under a temporary name and moved into place, so that no one reads half a file. */
  private static String generate(Path file) throws IOException {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    String text = "# Field encryption keys (docs/library.md): to rotate, add a key and point current at it;\n"
        + "# keep the old key until every value is re-encrypted.\ncurrent=k1\nk1="
        + Base64.getEncoder().encodeToString(key) + "\n";
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    FileAttribute<?>[] ownerOnly = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    Path temporary = Files.createTempFile(directory, ".field-keys", ".tmp", ownerOnly);
    Files.writeString(temporary, text, StandardCharsets.ISO_8859_1);
    try {
      Files.move(temporary, file);
    } catch (FileAlreadyExistsException e) {
      Files.delete(temporary);
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
    log.warn("已生成字段加密密钥文件 {}：请与数据库分开备份，丢失后评委联系方式无法解密", file.toAbsolutePath());
    return text;
  }
}
