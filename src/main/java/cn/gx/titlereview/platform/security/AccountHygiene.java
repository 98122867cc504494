package cn.gx.titlereview.platform.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Account hygiene of the local login ({@code titlereview.security.accounts}), checked at start; see docs/security.md,
 * "Account hygiene". The idle timeout is Spring's {@code server.servlet.session.timeout}.
 *
 * @param passwordMinLength the shortest password accepted anywhere (Admin, {@code /engine-rest}, our pages)
 * @param absoluteTimeout a login session ends this long after the login, however active it is
 * @param maxSessions browser sessions one account may hold at once, across all nodes; the oldest is ended
 */
@Validated
@ConfigurationProperties("titlereview.security.accounts")
record AccountHygiene(@DefaultValue("10") @Min(8) int passwordMinLength,
    @DefaultValue("8h") @NotNull Duration absoluteTimeout, @DefaultValue("3") @Min(1) int maxSessions) {
}
