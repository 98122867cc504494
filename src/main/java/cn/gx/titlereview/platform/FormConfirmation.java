package cn.gx.titlereview.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A confirmation checkbox (本人已阅知…, 确认签字) counts for the one completion that submitted it: it is read and
 * then removed, so that the next person's task cannot pass on someone else's tick.
 */
public final class FormConfirmation {

  private FormConfirmation() {
  }

  public static boolean consume(DelegateTask task, String field) {
    boolean confirmed = Boolean.TRUE.equals(task.getVariable(field));
    task.removeVariable(field);
    task.getExecution().removeVariable(field);
    return confirmed;
  }
}
