package cn.gx.titlereview.platform.crypto;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code titlereview.crypto}: the profile new seals use, and the key files. {@code gm} (the default) hashes with SM3
 * and signs with SM2; {@code intl} hashes with SHA-256 and signs with Ed25519. Changing the profile re-seals nothing:
 * what was sealed keeps its algorithm, and the other profile's key, if its file exists, still verifies what it signed.
 *
 * @param sm2SigningKey the SM2 key file
 * @param ed25519SigningKey the Ed25519 key file (the archive key of earlier versions)
 * @param retiredPublicKeys public keys of keys no longer used (PEM files), which still verify what they signed
 */
@Validated
@ConfigurationProperties("titlereview.crypto")
public record CryptoSettings(@NotNull Profile profile, @NotNull String sm2SigningKey, @NotNull String ed25519SigningKey,
    List<String> retiredPublicKeys) {

  public CryptoSettings {
    profile = profile != null ? profile : Profile.GM;
    sm2SigningKey = sm2SigningKey != null ? sm2SigningKey : "./data/sm2-signing-key.pem";
    ed25519SigningKey = ed25519SigningKey != null ? ed25519SigningKey : "./data/archive-signing-key.pem";
    retiredPublicKeys = retiredPublicKeys != null ? retiredPublicKeys.stream().filter(s -> !s.isBlank()).toList()
        : List.of();
  }

  public enum Profile {
    /** 国密: SM3 and SM2. */
    GM(HashAlgorithm.SM3, SignatureAlgorithm.SM2),
    /** SHA-256 and Ed25519. */
    INTL(HashAlgorithm.SHA256, SignatureAlgorithm.ED25519);

    private final HashAlgorithm hash;
    private final SignatureAlgorithm signature;

    Profile(HashAlgorithm hash, SignatureAlgorithm signature) {
      this.hash = hash;
      this.signature = signature;
    }

    public HashAlgorithm hash() {
      return hash;
    }

    public SignatureAlgorithm signature() {
      return signature;
    }
  }

  /** The hash new seals use. */
  public HashAlgorithm hash() {
    return profile.hash();
  }

  String keyFile(SignatureAlgorithm algorithm) {
    return algorithm == SignatureAlgorithm.SM2 ? sm2SigningKey : ed25519SigningKey;
  }
}
