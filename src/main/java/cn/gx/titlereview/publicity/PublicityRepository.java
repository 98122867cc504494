package cn.gx.titlereview.publicity;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PublicityRepository {

  public record PublicityRound(int round, LocalDate startDate, LocalDate endDate, String channel, String openedBy) {
  }

  public record Complaint(long id, Integer round, String channel, String applicantNo, String content,
      String receivedBy, Instant receivedAt, Boolean substantiated, String finding, String action, String verifiedBy,
      Instant verifiedAt) {

    public boolean verified() {
      return verifiedAt != null;
    }
  }

  private final JdbcClient jdbc;

  public PublicityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void saveRound(long sessionId, PublicityRound round, Instant at) {
    jdbc.sql("delete from publicity_round where session_id = ? and round = ?").params(sessionId, round.round())
        .update();
    jdbc.sql("""
            insert into publicity_round (session_id, round, start_date, end_date, channel, opened_by, opened_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, round.round(), Date.valueOf(round.startDate()), Date.valueOf(round.endDate()),
            round.channel(), round.openedBy(), Timestamp.from(at))
        .update();
  }

  public Optional<PublicityRound> round(long sessionId, int round) {
    return jdbc.sql("select * from publicity_round where session_id = ? and round = ?").params(sessionId, round)
        .query(PublicityRepository::round).optional();
  }

  /** Both rounds as opened so far, by number. */
  public Map<Integer, PublicityRound> rounds(long sessionId) {
    Map<Integer, PublicityRound> rounds = new HashMap<>();
    jdbc.sql("select * from publicity_round where session_id = ?").param(sessionId).query(PublicityRepository::round)
        .list().forEach(r -> rounds.put(r.round(), r));
    return rounds;
  }

  private static PublicityRound round(ResultSet rs, int row) throws SQLException {
    return new PublicityRound(rs.getInt("round"), rs.getDate("start_date").toLocalDate(),
        rs.getDate("end_date").toLocalDate(), rs.getString("channel"), rs.getString("opened_by"));
  }

  /** When the round was opened (发布公示), if it was. */
  public Optional<Instant> openedAt(long sessionId, int round) {
    return jdbc.sql("select opened_at from publicity_round where session_id = ? and round = ?").params(sessionId, round)
        .query((rs, n) -> rs.getTimestamp("opened_at").toInstant()).optional();
  }

  /** The latest round opened, to which a complaint received now belongs. */
  public Optional<Integer> latestRound(long sessionId) {
    return jdbc.sql("select max(round) from publicity_round where session_id = ?").param(sessionId)
        .query(Integer.class).optional();
  }

  public long addComplaint(long sessionId, Integer round, String channel, String applicantNo, String content,
      String user, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into complaint (session_id, round, channel, applicant_no, content, received_by, received_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, round, channel, applicantNo, content, user, Timestamp.from(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<Complaint> complaints(long sessionId) {
    return jdbc.sql("select * from complaint where session_id = ? order by id").param(sessionId)
        .query((rs, n) -> new Complaint(rs.getLong("id"), (Integer) rs.getObject("round"), rs.getString("channel"),
            rs.getString("applicant_no"), rs.getString("content"), rs.getString("received_by"),
            rs.getTimestamp("received_at").toInstant(), (Boolean) rs.getObject("substantiated"),
            rs.getString("finding"), rs.getString("action"), rs.getString("verified_by"),
            rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant()))
        .list();
  }

  public int verify(long sessionId, long complaintId, boolean substantiated, String finding, String action,
      String user, Instant at) {
    return jdbc.sql("""
            update complaint set substantiated = ?, finding = ?, action = ?, verified_by = ?, verified_at = ?
            where session_id = ? and id = ?""")
        .params(substantiated, finding, action, user, Timestamp.from(at), sessionId, complaintId)
        .update();
  }
}
