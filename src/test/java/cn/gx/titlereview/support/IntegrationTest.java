package cn.gx.titlereview.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory H2, with the demo users, on a random port; jobs run when a test says.
 * The engine keeps the name "default", which the REST API addresses. The signing keys and the transparency log's
 * checkpoint files are under the build's temporary directory (surefire sets {@code java.io.tmpdir} to {@code target/}), never ./data. Failed logins
 * wait at most a second. The history cleanup is off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:title-review-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    // Login throttling as configured, only faster, so that its test waits a second, not a minute.
    "titlereview.security.login.base-delay=100ms", "titlereview.security.login.max-delay=1s",
    "titlereview.security.login.forget-after=5s",
    // Every test calls the experts' links from 127.0.0.1: the per-address limit would count them all together
    // (LinkThrottleTest tests it alone).
    "titlereview.experts.links.per-address=100000",
    // Reminders go to an in-process SMTP server when a test asks for them, never on a schedule.
    "spring.mail.host=localhost", "spring.mail.port=3025", "titlereview.reminders.cron=-",
    "titlereview.archive.signing-key=${java.io.tmpdir}/archive-signing-key-test.pem",
    "titlereview.crypto.sm2-signing-key=${java.io.tmpdir}/sm2-signing-key-test.pem",
    "titlereview.field-keys.file=${java.io.tmpdir}/field-keys-test.properties",
    "titlereview.transparency.checkpoint-directory=${java.io.tmpdir}/checkpoints-test",
    "titlereview.transparency.checkpoint-cron=-",
    // No nightly history cleanup job: tests that run every due job would run it too (TwoNodeClusterTest runs it itself).
    "camunda.bpm.generic-properties.properties.historyCleanupEnabled=false",
    // The audit trail's JSON lines (one per login too) would drown the test output; AuditTrailTest reads them itself.
    "logging.level.cn.gx.titlereview.audit=warn"})
@ActiveProfiles("demo")
// Metrics exported as in production (Spring Boot tests switch the Prometheus registry off by default).
@AutoConfigureObservability(tracing = false)
public @interface IntegrationTest {
}
