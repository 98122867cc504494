package cn.gx.titlereview.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signed pledges: 附件3 by staff users in Tasklist, 附件2 by experts on paper, recorded by staff. */
@Repository
public class PledgeRepository {

  private final JdbcClient jdbc;

  public PledgeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void signStaffPledge(long sessionId, String userId, String templateVersion, Instant at) {
    jdbc.sql("delete from staff_pledge where session_id = ? and user_id = ?").params(sessionId, userId).update();
    jdbc.sql("insert into staff_pledge (session_id, user_id, template_version, signed_at) values (?, ?, ?, ?)")
        .params(sessionId, userId, templateVersion, Timestamp.from(at))
        .update();
  }

  public Set<String> staffWhoSigned(long sessionId) {
    return new HashSet<>(jdbc.sql("select user_id from staff_pledge where session_id = ?").param(sessionId)
        .query(String.class).list());
  }

  public void recordExpertPledges(long sessionId, List<Long> expertIds, String user, Instant at) {
    for (Long expertId : expertIds) {
      jdbc.sql("delete from expert_pledge where session_id = ? and expert_id = ?").params(sessionId, expertId)
          .update();
      jdbc.sql("insert into expert_pledge (session_id, expert_id, recorded_by, recorded_at) values (?, ?, ?, ?)")
          .params(sessionId, expertId, user, Timestamp.from(at))
          .update();
    }
  }

  public Set<Long> expertsWhoSigned(long sessionId) {
    return new HashSet<>(jdbc.sql("select expert_id from expert_pledge where session_id = ?").param(sessionId)
        .query(Long.class).list());
  }
}
