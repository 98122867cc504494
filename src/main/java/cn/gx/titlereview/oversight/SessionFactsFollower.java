package cn.gx.titlereview.oversight;

import cn.gx.titlereview.session.SessionDataChanged;
import cn.gx.titlereview.session.SessionRepository;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the read model current: a session's facts change when a change to its data through
 * {@code /api/sessions/{code}/…} succeeds, when one of its tasks is created or completed (a task form, a gate that
 * failed and opened a rectification, the approving unit's confirmation that closes it), and when it reaches an end event.
 * Each session touched is rewritten once, after the transaction that touched it commits.
 */
@Component
class SessionFactsFollower {

  private static final String PENDING = SessionFactsFollower.class.getName() + ".pending";

  private final SessionFacts facts;
  private final SessionRepository sessions;

  SessionFactsFollower(SessionFacts facts, SessionRepository sessions) {
    this.facts = facts;
    this.sessions = sessions;
  }

  @EventListener
  public void dataChanged(SessionDataChanged change) {
    changed(change.session().code());
  }

  /** From the engine's task events (Camunda's Spring eventing bridge). */
  @EventListener(condition = "#task.eventName == 'create' or #task.eventName == 'complete'")
  public void taskChanged(DelegateTask task) {
    if (task.getExecution() != null) {
      changed(task.getExecution().getProcessBusinessKey());
    }
  }

  /**
   * An end event reached: a stage's process ends, or the session closes (评审结果已确认 is reached in the signature
   * gate's job, with no task around it).
   */
  @EventListener(condition = "#execution.eventName == 'start' and #execution.currentActivityId != null"
      + " and #execution.currentActivityId.startsWith('EndEvent_')")
  public void endReached(DelegateExecution execution) {
    changed(execution.getProcessBusinessKey());
  }

  private void changed(String code) {
    if (code == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      refresh(code);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Set<String> codes = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(PENDING, codes);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          codes.forEach(SessionFactsFollower.this::refresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
      });
      pending = codes;
    }
    pending.add(code);
  }

  private void refresh(String code) {
    sessions.findByCode(code).ifPresent(facts::refresh);
  }
}
