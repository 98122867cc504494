package cn.gx.titlereview.workflow;

import cn.gx.titlereview.session.ReviewSession;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One reading of a session's data for a document assembled from every stage's contributions, such as 附件1: each
 * table a contribution asks for is read once, however many stages use it. A repository offers the reading beside its
 * plain method ({@code applicants.list(reading)}), so that the key and the read always go together.
 */
public final class SessionReading {

  private final ReviewSession session;
  private final Map<Key<?>, Object> read = new HashMap<>();

  public SessionReading(ReviewSession session) {
    this.session = session;
  }

  public ReviewSession session() {
    return session;
  }

  /** What {@code key} names, read by {@code reader} the first time it is asked for. */
  @SuppressWarnings("unchecked")
  public <T> T once(Key<T> key, LongFunction<T> reader) {
    return (T) read.computeIfAbsent(key, k -> reader.apply(session.id()));
  }

  /** A table's data for a session, named by the repository that reads it. */
  public record Key<T>(String name) {
  }
}
