package cn.gx.titlereview.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this installation reaches people and keeps things ({@code titlereview.*} in application.yaml), checked at start.
 *
 * @param publicUrl where users reach the application: the links in e-mails and text messages start here
 * @param reminders the sender of the e-mails (reminders, warnings)
 * @param web how often a request that lost a race on the engine's optimistic locking is tried before 409
 * @param archive how long archive packages and the engine's history of a session are kept
 */
@Validated
@ConfigurationProperties("titlereview")
public record SiteSettings(@DefaultValue("http://localhost:8080") @NotBlank String publicUrl,
    @DefaultValue @Valid Reminders reminders, @DefaultValue @Valid Web web, @DefaultValue @Valid Archive archive) {

  /** An absolute link to a path of the application ({@code "/calendar"}). */
  public String link(String path) {
    return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + path;
  }

  public record Reminders(@DefaultValue("noreply@localhost") @NotBlank String from) {
  }

  public record Web(@DefaultValue("3") @Positive int conflictAttempts) {
  }

  public record Archive(@DefaultValue("30") @Positive int retentionYears) {
  }
}
