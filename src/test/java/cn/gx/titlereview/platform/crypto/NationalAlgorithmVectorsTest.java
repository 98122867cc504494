package cn.gx.titlereview.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** SM3 and SM2 against the standards' published examples, before anything is sealed with them. */
class NationalAlgorithmVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  /** GB/T 32905-2016, 附录 A: the examples "abc" and "abcd" sixteen times. */
  @Test
  void sm3HashesTheStandardsExamples() {
    assertThat(HashAlgorithm.SM3.named("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    assertThat(HashAlgorithm.SM3.digestHex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    assertThat(HashAlgorithm.SHA256.named("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  /**
   * GB/T 32918.2-2016 附录 A.2 (SM2 signature over F_p, the standard's 256-bit example curve): with the example's
   * private key, signer ID "ALICE123@YAHOO.COM" and random k, the signature of "message digest" is the published
   * (r, s); the published public key is d·G, and the signature verifies with it and fails on another message.
   */
  @Test
  void sm2SignsTheStandardsExampleToThePublishedSignature() throws Exception {
    BigInteger p = hex("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3");
    BigInteger a = hex("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498");
    BigInteger b = hex("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A");
    BigInteger n = hex("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7");
    ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
    ECPoint g = curve.createPoint(hex("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D"),
        hex("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2"));
    ECDomainParameters domain = new ECDomainParameters(curve, g, n);
    BigInteger d = hex("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263");
    ECPoint publicPoint = curve.createPoint(hex("0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A"),
        hex("7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857"));
    assertThat(g.multiply(d).normalize()).isEqualTo(publicPoint);
    byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
    byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);

    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, domain),
        fixed(hex("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F"))), id));
    signer.update(message, 0, message.length);
    byte[] signature = signer.generateSignature();
    assertThat(HEX.formatHex(signature)).isEqualToIgnoringCase(
        "40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"
            + "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7");

    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(publicPoint, domain), id));
    verifier.update(message, 0, message.length);
    assertThat(verifier.verifySignature(signature)).isTrue();
    byte[] other = "message digesT".getBytes(StandardCharsets.US_ASCII);
    verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(publicPoint, domain), id));
    verifier.update(other, 0, other.length);
    assertThat(verifier.verifySignature(signature)).isFalse();
  }

  /** The product's SM2 (SM3withSM2 on the sm2p256v1 curve) signs and verifies; a flipped byte fails. */
  @Test
  void theProductsSm2SignaturesVerifyAndAFlippedByteFails() {
    var pair = SignatureAlgorithm.SM2.generate();
    byte[] data = "清单".getBytes(StandardCharsets.UTF_8);
    byte[] signature = SignatureAlgorithm.SM2.sign(pair.getPrivate(), data);
    assertThat(SignatureAlgorithm.SM2.verifies(pair.getPublic(), data, signature)).isTrue();
    signature[signature.length - 3] ^= 1;
    assertThat(SignatureAlgorithm.SM2.verifies(pair.getPublic(), data, signature)).isFalse();
    assertThat(SignatureAlgorithm.ED25519.verifies(SignatureAlgorithm.ED25519.generate().getPublic(), data,
        signature)).isFalse();
  }

  private static BigInteger hex(String hex) {
    return new BigInteger(hex, 16);
  }

  /** A "random" source that yields the standard's k: the signer asks for exactly its 32 bytes. */
  private static SecureRandom fixed(BigInteger k) {
    byte[] bytes = new byte[32];
    byte[] raw = k.toByteArray();
    System.arraycopy(raw, Math.max(0, raw.length - 32), bytes, Math.max(0, 32 - raw.length), Math.min(32, raw.length));
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] out) {
        System.arraycopy(bytes, 0, out, 0, out.length);
      }
    };
  }
}
