package cn.gx.titlereview.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A signature the product makes: SM2 with SM3 (GB/T 32918.2, the default signer ID {@code 1234567812345678} of GM/T
 * 0009) through Bouncy Castle, or Ed25519 through the JDK. Each knows its keys by their encoded algorithm, so that a
 * PEM file says which it is.
 */
public enum SignatureAlgorithm {

  SM2("sm2", "SM2", HashAlgorithm.SM3),
  ED25519("ed25519", "Ed25519", HashAlgorithm.SHA256);

  /** Bouncy Castle as an object, not registered: nothing else in the JVM changes its providers for us. */
  static final Provider BC = new BouncyCastleProvider();

  private final String id;
  private final String label;
  private final HashAlgorithm fingerprintHash;

  SignatureAlgorithm(String id, String label, HashAlgorithm fingerprintHash) {
    this.id = id;
    this.label = label;
    this.fingerprintHash = fingerprintHash;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The hash of a key's fingerprint: SM3 for SM2 keys, SHA-256 for Ed25519. */
  public HashAlgorithm fingerprintHash() {
    return fingerprintHash;
  }

  public KeyPair generate() {
    try {
      if (this == SM2) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        return generator.generateKeyPair();
      }
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature signature = signature();
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = signature();
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Signature signature() throws GeneralSecurityException {
    return this == SM2 ? Signature.getInstance("SM3withSM2", BC) : Signature.getInstance("Ed25519");
  }

  PublicKey publicKey(byte[] der) throws InvalidKeySpecException {
    try {
      return keyFactory().generatePublic(new X509EncodedKeySpec(der));
    } catch (InvalidKeySpecException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  PrivateKey privateKey(byte[] der) throws InvalidKeySpecException {
    try {
      return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (InvalidKeySpecException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private KeyFactory keyFactory() throws GeneralSecurityException {
    return this == SM2 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("Ed25519");
  }

  /** The algorithm of an encoded key's identifier, or null: Ed25519, or an EC key on the SM2 curve. */
  static SignatureAlgorithm of(AlgorithmIdentifier identifier) {
    ASN1ObjectIdentifier algorithm = identifier.getAlgorithm();
    ASN1Encodable parameters = identifier.getParameters();
    if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
      return ED25519;
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) && GMObjectIdentifiers.sm2p256v1.equals(parameters)) {
      return SM2;
    }
    return null;
  }

  /** The algorithm of a key this product made. */
  public static SignatureAlgorithm of(PublicKey key) {
    return PemKeys.algorithm(key.getEncoded());
  }

  /** By its name ({@code sm2}, {@code ed25519}, any case). */
  public static SignatureAlgorithm byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("不支持的签名算法“" + id + "”，应为 sm2 或 ed25519"));
  }
}
