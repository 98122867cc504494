package cn.gx.titlereview.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class VoteAmendmentRepository {

  private final JdbcClient jdbc;

  public VoteAmendmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long propose(long sessionId, long applicantId, int present, int yes, int no, int abstain, String reason,
      String user, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into vote_amendment (session_id, applicant_id, voters_present, yes_votes, no_votes, abstain_votes,
                                        reason, proposed_by, proposed_at, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, applicantId, present, yes, no, abstain, reason, user, Timestamp.from(at),
            VoteAmendment.PROPOSED)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public int decide(long sessionId, long id, String status, String note, String user, Instant at) {
    return jdbc.sql("""
            update vote_amendment set status = ?, decision_note = ?, decided_by = ?, decided_at = ?
            where session_id = ? and id = ? and status = ?""")
        .params(status, note, user, Timestamp.from(at), sessionId, id, VoteAmendment.PROPOSED)
        .update();
  }

  public List<VoteAmendment> list(long sessionId) {
    return jdbc.sql("""
            select m.*, a.applicant_no from vote_amendment m join applicant a on a.id = m.applicant_id
            where m.session_id = ? order by m.id""")
        .param(sessionId)
        .query((rs, n) -> new VoteAmendment(rs.getLong("id"), rs.getLong("applicant_id"), rs.getString("applicant_no"),
            rs.getInt("voters_present"), rs.getInt("yes_votes"), rs.getInt("no_votes"), rs.getInt("abstain_votes"),
            rs.getString("reason"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
            rs.getString("status"), rs.getString("decided_by"), rs.getString("decision_note")))
        .list();
  }
}
