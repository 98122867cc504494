package cn.gx.titlereview.session;

/**
 * A change of the session's data through {@code /api/sessions/{code}/…} succeeded (any write, JSON or upload): what
 * shows the session's data elsewhere — the data tasks' forms, the oversight figures — follows.
 */
public record SessionDataChanged(ReviewSession session) {
}
