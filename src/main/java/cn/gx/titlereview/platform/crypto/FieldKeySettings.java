package cn.gx.titlereview.platform.crypto;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code titlereview.field-keys}: the file of the keys that encrypt personal data in the database (experts'
 * contacts), held by the operator outside the database and its backups (docs/library.md: 密钥与轮换).
 *
 * @param file a properties file: {@code current=<id>} and one {@code <id>=<base64 of 16 bytes>} per key
 */
@Validated
@ConfigurationProperties("titlereview.field-keys")
public record FieldKeySettings(@NotBlank String file) {

  public FieldKeySettings {
    file = file != null ? file : "./data/field-keys.properties";
  }
}
