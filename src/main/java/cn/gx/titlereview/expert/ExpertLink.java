package cn.gx.titlereview.expert;

import java.time.Instant;

/** A one-time link as kept: its facts, never its MAC (see {@link OneTimeLinks}). */
record ExpertLink(String id, long sessionId, long expertId, LinkPurpose purpose, String signedWith, Instant issuedAt,
    Instant dispatchedAt, Instant firstOpenedAt, Instant usedAt, Instant revokedAt, String revokedBy) {

  boolean used() {
    return usedAt != null;
  }

  boolean revoked() {
    return revokedAt != null;
  }

  /** Neither used nor revoked: it may still take its answer (until the session's links expire). */
  boolean open() {
    return !used() && !revoked();
  }
}
