package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.operations.Workload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sessions in hand, for operators' dashboards (docs/operations.md). */
@Configuration
class SessionMetrics {

  @Bean
  static Workload openSessions(SessionRepository sessions) {
    return new Workload("titlereview.sessions.open", "进行中的评审会（尚未结束）", sessions::countOpen);
  }
}
