package cn.gx.titlereview.platform;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a transactional action again when it lost a race on the engine's optimistic locking: two requests that hand
 * the same process instance a message at the same moment (two complaints arriving together) both update its
 * execution, and the second one's transaction is rolled back whole. Each attempt is the action's own transaction, so
 * it must be called outside any. After {@code titlereview.web.conflict-attempts} (default 3) the conflict stands and is
 * answered 409 「{@value Refusal#CONFLICT}」.
 */
@Component
public class ConflictRetry {

  private final int attempts;

  public ConflictRetry(SiteSettings settings) {
    this.attempts = settings.web().conflictAttempts();
  }

  public <T> T run(Supplier<T> transactional) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("A retry inside a transaction would repeat nothing: call it outside");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transactional.get();
      } catch (RuntimeException e) {
        if (attempt >= attempts || !conflict(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static boolean conflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
        return true;
      }
    }
    return false;
  }

  /** A few tens of milliseconds, growing and jittered, so that the racers do not meet again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
