package cn.gx.titlereview.platform.audit;

import java.time.Instant;

/**
 * One line of the audit trail. {@code subject} names what was touched (a session's code, a committee's code);
 * {@code detail} says what in plain Chinese and never carries the personal data itself.
 */
public record AuditEntry(
    long id, Instant at, String actor, AuditKind kind, String subject, String detail, String address) {}
