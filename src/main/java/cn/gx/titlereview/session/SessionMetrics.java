package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.operations.Workload;
import cn.gx.titlereview.review.ReviewTimes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sessions in hand, for operators' dashboards (docs/operations.md). */
@Configuration
class SessionMetrics {

  /** Scratch: a deliberate cycle (session -> review -> session), to see ModularityTest fail. */
  static Class<?> cycle = ReviewTimes.class;

  @Bean
  static Workload openSessions(SessionRepository sessions) {
    return new Workload("titlereview.sessions.open", "进行中的评审会（尚未结束）", sessions::countOpen);
  }
}
