package cn.gx.titlereview.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Keys as PEM text (X.509 public keys, PKCS#8 private keys), their algorithm and their fingerprints. Plain Java and
 * Bouncy Castle, no Spring: the offline commands read keys as the server does.
 */
public final class PemKeys {

  public static final String PUBLIC = "PUBLIC KEY";
  public static final String PRIVATE = "PRIVATE KEY";

  private PemKeys() {
  }

  /** One PEM block: X.509 for a public key, PKCS#8 for a private key. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  public static String pem(PublicKey key) {
    return pem(PUBLIC, key.getEncoded());
  }

  /** The first public key in this text, SM2 or Ed25519. */
  public static PublicKey publicKey(String pem) {
    byte[] der = der(pem, PUBLIC);
    SignatureAlgorithm algorithm = algorithm(der);
    try {
      return algorithm.publicKey(der);
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("公钥不是有效的 " + algorithm.label() + " 公钥");
    }
  }

  /** The first private key in this text, SM2 or Ed25519. */
  public static PrivateKey privateKey(String pem) {
    byte[] der = der(pem, PRIVATE);
    SignatureAlgorithm algorithm;
    try {
      algorithm = SignatureAlgorithm.of(PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("私钥不是 PKCS#8 格式");
    }
    if (algorithm == null) {
      throw new IllegalArgumentException("私钥既不是 SM2 私钥也不是 Ed25519 私钥");
    }
    try {
      return algorithm.privateKey(der);
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("私钥不是有效的 " + algorithm.label() + " 私钥");
    }
  }

  static SignatureAlgorithm algorithm(byte[] publicDer) {
    SignatureAlgorithm algorithm;
    try {
      algorithm = SignatureAlgorithm.of(SubjectPublicKeyInfo.getInstance(publicDer).getAlgorithm());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("公钥不是 X.509 格式");
    }
    if (algorithm == null) {
      throw new IllegalArgumentException("公钥既不是 SM2 公钥也不是 Ed25519 公钥");
    }
    return algorithm;
  }

  /**
   * The key's fingerprint, the hash of its X.509 encoding, named ({@code sm3:…} for an SM2 key, {@code sha256:…} for
   * Ed25519): what the manifest, the record and the checkpoints print.
   */
  public static String fingerprint(PublicKey key) {
    return SignatureAlgorithm.of(key).fingerprintHash().named(key.getEncoded());
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
