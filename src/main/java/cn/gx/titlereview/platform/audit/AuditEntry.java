package cn.gx.titlereview.platform.audit;

import java.time.Instant;

/**
 * One line of the audit trail. {@code subject} names what was touched (a session's code, a committee's code);
 * {@code detail} says what in plain Chinese and never carries the personal data itself. {@code seq} is the line's
 * place in the chain and {@code hash} its chained hash, named by its algorithm ({@code sm3:…}; docs/audit.md).
 */
public record AuditEntry(long id, Instant at, String actor, AuditKind kind, String subject, String detail,
    String address, long seq, String hash) {

  /** A line as it was before the chain (for callers that build one without its place). */
  public AuditEntry(long id, Instant at, String actor, AuditKind kind, String subject, String detail, String address) {
    this(id, at, actor, kind, subject, detail, address, 0, null);
  }
}
