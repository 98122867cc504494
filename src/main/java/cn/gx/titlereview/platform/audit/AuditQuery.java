package cn.gx.titlereview.platform.audit;

import java.time.Instant;

/** What the audit administrator asks: about one subject (a session's code), one account, one kind, a period. */
public record AuditQuery(String subject, String actor, AuditKind kind, Instant from, Instant to) {
}
