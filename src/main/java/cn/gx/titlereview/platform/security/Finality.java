package cn.gx.titlereview.platform.security;

import java.util.Optional;

/**
 * What may no longer be changed by hand, by the business key of its process instances: the session package answers
 * for closed sessions. {@link ClosedInstanceVariables} asks it at the engine's door.
 */
public interface Finality {

  /** Why the process instances with this business key may no longer be changed, in Chinese; empty while they may. */
  Optional<String> refusal(String businessKey);
}
