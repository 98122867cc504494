package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The archive's Ed25519 keys as PEM text, their fingerprints, signing and checking. Plain JDK, no Spring: the offline
 * command uses it as the server does.
 */
final class ArchiveKeys {

  static final String ALGORITHM = "Ed25519";
  static final String PUBLIC = "PUBLIC KEY";
  static final String PRIVATE = "PRIVATE KEY";

  private ArchiveKeys() {
  }

  /** One PEM block: X.509 for a public key, PKCS#8 for a private key. */
  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static PublicKey publicKey(String pem) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC)));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("公钥不是 Ed25519 公钥");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PrivateKey privateKey(String pem) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE)));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("私钥不是 Ed25519 私钥");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of the encoded (X.509) public key, hex: what the manifest and the record print. */
  static String fingerprint(PublicKey key) {
    return ImportFile.sha256(key.getEncoded());
  }

  static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The DER bytes of the text's first PEM block of this type. */
  private static byte[] der(String text, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String what = PUBLIC.equals(type) ? "公钥" : "私钥";
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("不是 PEM 格式的" + what + "：缺少 " + begin);
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to)
          .getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM 格式的" + what + "内容不是有效的 Base64");
    }
  }
}
