package cn.gx.titlereview.expert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The experts' notices and links ({@code titlereview.experts.*}, docs/experts.md).
 *
 * @param replyWithin how long after his notice an expert's missing answer is overdue (催复)
 * @param outbox in the demo, where no SMS gateway is configured, notices go to an outbox that the contact log shows
 *     with each message's text, link included, so that a tour can follow a link
 * @param mailFrom the sender of the e-mail notices
 */
@Validated
@ConfigurationProperties("titlereview.experts")
public record ExpertSettings(@NotNull Duration replyWithin, boolean outbox, @Valid @NotNull Links links,
    @Valid @NotNull Sms sms, String mailFrom) {

  public ExpertSettings {
    replyWithin = replyWithin != null ? replyWithin : Duration.ofHours(4);
    links = links != null ? links : new Links(null, 0, 0, null);
    sms = sms != null ? sms : new Sms(null, null, null);
    mailFrom = mailFrom != null && !mailFrom.isBlank() ? mailFrom : "noreply@localhost";
  }

  /**
   * @param key the MAC key, Base64 of at least 32 bytes; without one, a key made once is kept in the database
   * @param perLink requests one link may make per window
   * @param perAddress requests one client address may make per window, to any links, right or wrong
   * @param window the rate limits' window
   */
  public record Links(String key, @Positive int perLink, @Positive int perAddress, Duration window) {

    public Links {
      perLink = perLink > 0 ? perLink : 30;
      perAddress = perAddress > 0 ? perAddress : 60;
      window = window != null ? window : Duration.ofMinutes(10);
      if (key != null && !key.isBlank() && decoded(key).length < 32) {
        throw new IllegalArgumentException("titlereview.experts.links.key 须为至少 32 字节的 Base64 编码");
      }
    }

    /** The configured key's bytes, or null. */
    public byte[] keyBytes() {
      return key == null || key.isBlank() ? null : decoded(key);
    }

    private static byte[] decoded(String key) {
      try {
        return Base64.getDecoder().decode(key.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("titlereview.experts.links.key 不是有效的 Base64 编码", e);
      }
    }
  }

  /**
   * The SMS gateway: any gateway that takes an HTTP POST with a key; see {@link SmsGateway}.
   *
   * @param url where the gateway takes messages; none: no SMS
   * @param key the gateway's key, sent as a bearer token
   */
  public record Sms(URI url, String key, Duration timeout) {

    public Sms {
      url = url == null || url.toString().isBlank() ? null : url;
      timeout = timeout != null ? timeout : Duration.ofSeconds(10);
    }

    public boolean configured() {
      return url != null;
    }
  }
}
