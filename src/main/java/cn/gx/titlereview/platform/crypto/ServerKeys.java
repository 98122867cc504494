package cn.gx.titlereview.platform.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's keys: the one that signs now (the profile's key file, unless another {@link SigningKey} bean, a crypto
 * device's, is declared), and every public key that still verifies what it signed: the other profile's key file if it
 * exists, and the retired keys.
 */
@Configuration
@EnableConfigurationProperties(CryptoSettings.class)
public class ServerKeys {

  /** The public keys a seal of this server may verify against: the signing key first. */
  public record Trusted(List<PublicKey> keys) {
  }

  @Bean
  @ConditionalOnMissingBean(SigningKey.class)
  public SigningKey signingKey(CryptoSettings settings) {
    return new FileSigningKey(Path.of(settings.keyFile(settings.profile().signature())),
        settings.profile().signature());
  }

  @Bean
  public Trusted trustedKeys(SigningKey signingKey, CryptoSettings settings) {
    List<PublicKey> keys = new ArrayList<>(List.of(signingKey.publicKey()));
    Arrays.stream(SignatureAlgorithm.values()).filter(a -> a != signingKey.algorithm())
        .map(a -> Path.of(settings.keyFile(a))).filter(Files::exists)
        .forEach(file -> keys.add(FileSigningKey.publicKeyIn(file)));
    for (String file : settings.retiredPublicKeys()) {
      try {
        keys.add(FileSigningKey.publicKeyIn(Path.of(file.trim())));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("titlereview.crypto.retired-public-keys 中的 " + Path.of(file.trim())
            .toAbsolutePath() + " 不可用：" + e.getMessage());
      }
    }
    return new Trusted(List.copyOf(keys));
  }
}
