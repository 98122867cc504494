package cn.gx.titlereview.session;

import java.util.List;
import org.springframework.stereotype.Component;

/** The session's staff, for the BPMN: each signs 附件3 in a multi-instance task ({@code ${sessionStaff.userIds(sessionId)}}). */
@Component("sessionStaff")
public class SessionStaff {

  private final SessionRepository sessions;

  public SessionStaff(SessionRepository sessions) {
    this.sessions = sessions;
  }

  public List<String> userIds(Number sessionId) {
    return sessions.staff(sessionId.longValue());
  }
}
