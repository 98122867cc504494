package cn.gx.titlereview.platform.crypto;

import java.security.PublicKey;

/**
 * The server's signing key, as every seal uses it: the archive manifests and the transparency log's checkpoints. The
 * one implementation here is a key file ({@link FileSigningKey}); a hardware crypto device (密码机, 签名服务器) takes
 * its place as another bean of this type, which signs inside the device and never hands out its private key
 * (docs/transparency.md, "换用密码机").
 */
public interface SigningKey {

  SignatureAlgorithm algorithm();

  /** The detached signature of these bytes, in {@link #algorithm()}'s usual encoding (DER for SM2). */
  byte[] sign(byte[] data);

  PublicKey publicKey();

  default String fingerprint() {
    return PemKeys.fingerprint(publicKey());
  }

  default String publicKeyPem() {
    return PemKeys.pem(publicKey());
  }
}
