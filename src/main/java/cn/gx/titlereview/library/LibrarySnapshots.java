package cn.gx.titlereview.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a session draws from, frozen at its roster gate (附件1 一、5): its committee's library as of the current
 * version — one row naming the version, whatever the library's size, since library rows are never changed in place —
 * or, where the committee has no library, the session's own one-off roster. The draw reads the session's experts
 * through the {@code session_expert} view, which resolves either.
 */
@Service
public class LibrarySnapshots {

  /** A session's frozen roster: a library version, or (version null) its one-off roster. */
  public record Snapshot(long sessionId, long committeeId, Integer version, int expertCount, Instant takenAt) {

    public boolean oneOff() {
      return version == null;
    }
  }

  /** A library version as the record names it. */
  public record VersionFacts(int version, int expertCount, String kind, String createdBy, Instant createdAt) {
  }

  private final JdbcClient jdbc;
  private final LibraryRepository library;
  private final Clock clock;

  LibrarySnapshots(JdbcClient jdbc, LibraryRepository library, Clock clock) {
    this.jdbc = jdbc;
    this.library = library;
    this.clock = clock;
  }

  /**
   * Freezes (or, until the draw is committed, freezes again) what the session draws from: its own roster when it
   * imported one ({@code ownRows} experts), else its committee's current library version; empty when neither.
   */
  public Optional<Snapshot> freeze(long sessionId, long committeeId, int ownRows) {
    jdbc.sql("delete from library_snapshot where session_id = ?").param(sessionId).update();
    Integer version = null;
    int count = ownRows;
    if (ownRows == 0) {
      Optional<LibraryRepository.Version> current = library.version(committeeId, library.currentVersion(committeeId));
      if (current.isEmpty()) {
        return Optional.empty();
      }
      version = current.get().version();
      count = current.get().expertCount();
    }
    Instant now = clock.instant();
    jdbc.sql("""
            insert into library_snapshot (session_id, committee_id, version, expert_count, taken_at)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, committeeId, version, count, Timestamp.from(now)).update();
    return Optional.of(new Snapshot(sessionId, committeeId, version, count, now));
  }

  public Optional<Snapshot> of(long sessionId) {
    return jdbc.sql("select * from library_snapshot where session_id = ?").param(sessionId)
        .query((rs, n) -> new Snapshot(rs.getLong("session_id"), rs.getLong("committee_id"),
            (Integer) rs.getObject("version", Integer.class), rs.getInt("expert_count"),
            rs.getTimestamp("taken_at").toInstant()))
        .optional();
  }

  /** The committee's current library version; empty when it has none. */
  public Optional<VersionFacts> current(long committeeId) {
    return facts(committeeId, library.currentVersion(committeeId));
  }

  public Optional<VersionFacts> facts(long committeeId, int version) {
    return library.version(committeeId, version)
        .map(v -> new VersionFacts(v.version(), v.expertCount(), v.kind(), v.createdBy(), v.createdAt()));
  }
}
