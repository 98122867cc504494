package cn.gx.titlereview.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTest {

  @TempDir Path dir;

  @Test
  void aValueSealedUnderSm4OrAesOpensAgainAndNamesItsAlgorithmAndKey() {
    Path keys = dir.resolve("keys.properties");
    FieldCipher gm = new FieldCipher(keys, "sm4");
    String sealed = gm.seal("13977123456");
    assertThat(sealed).startsWith("sm4:k1:").doesNotContain("13977123456");
    assertThat(gm.seal("13977123456")).as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThat(gm.open(sealed)).isEqualTo("13977123456");
    FieldCipher intl = new FieldCipher(keys, "aes");
    assertThat(intl.seal("13977123456")).startsWith("aes:k1:");
    assertThat(intl.open(sealed)).as("the other profile still opens it").isEqualTo("13977123456");
    assertThat(gm.open(null)).isNull();
  }

  @Test
  void afterARotationOldValuesOpenAreNotCurrentAndAnAlteredValueIsRefused() throws Exception {
    Path keys = dir.resolve("keys.properties");
    String old = new FieldCipher(keys, "sm4").seal("expert@example.cn");
    Files.writeString(keys, Files.readString(keys).replace("current=k1", "current=k2")
        + "k2=" + Base64.getEncoder().encodeToString(new byte[16]) + "\n");
    FieldCipher rotated = new FieldCipher(keys, "sm4");
    assertThat(rotated.open(old)).isEqualTo("expert@example.cn");
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.isCurrent(rotated.seal("x"))).isTrue();
    String altered = old.substring(0, old.length() - 2) + (old.endsWith("A") ? "BB" : "AA");
    assertThatThrownBy(() -> rotated.open(altered)).hasMessageContaining("无法解密");
    Files.writeString(keys, "current=k2\nk2=" + Base64.getEncoder().encodeToString(new byte[16]) + "\n");
    assertThatThrownBy(() -> new FieldCipher(keys, "sm4").open(old)).hasMessageContaining("密钥 k1 不在密钥文件中");
  }
}
