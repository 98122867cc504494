package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.session.SessionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 催复, each hour while the answers are awaited: {@code repliesOverdue} is true when someone is on the call list and no
 * 催复 task is open yet. Only the flag becomes a variable; who is on the list stays in our tables and on the call list
 * page, for the session's staff.
 */
@Component("findOverdueReplies")
class FindOverdueRepliesDelegate implements JavaDelegate {

  static final String CHASE_TASK = "Task_ChaseReplies";

  private final ExpertReplies replies;
  private final SessionRepository sessions;

  FindOverdueRepliesDelegate(ExpertReplies replies, SessionRepository sessions) {
    this.replies = replies;
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(CHASE_TASK).count() > 0;
    boolean someone = !open && !replies.callList(sessions.get(ProcessVariables.sessionId(execution)), false).isEmpty();
    execution.setVariable("repliesOverdue", someone);
  }
}
