package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.security.Finality;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A closed session is final at the engine's door too: its process instances' variables change no more. */
@Component
class SessionFinality implements Finality {

  private final SessionRepository sessions;

  SessionFinality(SessionRepository sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<String> refusal(String businessKey) {
    return sessions.findByCode(businessKey).flatMap(session -> sessions.closure(session.id())
        .map(closure -> SessionAccess.frozen(session, closure)));
  }
}
