package cn.gx.titlereview.workflow.duty;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A rule of separation of duties: who may not take or complete certain user tasks of a session. Stages contribute
 * rules as Spring beans; {@link SeparationOfDutiesListener} applies them at the task, whichever door the user came
 * through (Tasklist, {@code /engine-rest}), and the stage's API applies the same rule to its own endpoints.
 */
public interface DutyRule {

  /** The ids of the user tasks the rule guards. */
  Set<String> taskKeys();

  /** Why the user may not take or complete the task of this session, in Chinese; empty when they may. */
  Optional<String> refusal(DelegateTask task, long sessionId, String userId);
}
