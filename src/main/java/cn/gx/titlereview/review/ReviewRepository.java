package cn.gx.titlereview.review;

import cn.gx.titlereview.workflow.SessionReading;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Review groups, readers and vote counts of a session. */
@Repository
public class ReviewRepository {

  private static final SessionReading.Key<Map<Long, VoteCount>> VOTES = new SessionReading.Key<>("votes");

  private static final SessionReading.Key<Map<Long, Assignment>> ASSIGNMENTS = new SessionReading.Key<>("assignments");

  public record ReviewGroup(String name, Set<Long> memberIds) {
  }

  public record Assignment(long applicantId, String groupName, Set<Long> readerIds) {
  }

  public record VoteCount(long applicantId, int votersPresent, int yes, int no, int abstain, boolean passed) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public ReviewRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Replaces all groups and assignments of the session. */
  public void replaceGroups(long sessionId, List<ReviewGroup> groups, List<Assignment> assignments) {
    jdbc.sql("delete from applicant_reader where session_id = ?").param(sessionId).update();
    jdbc.sql("""
        delete from applicant_assignment where applicant_id in (select id from applicant where session_id = ?)""")
        .param(sessionId).update();
    jdbc.sql("""
        delete from review_group_member where group_id in (select id from review_group where session_id = ?)""")
        .param(sessionId).update();
    jdbc.sql("delete from review_group where session_id = ?").param(sessionId).update();
    Map<String, Long> groupIds = new HashMap<>();
    for (ReviewGroup g : groups) {
      jdbc.sql("insert into review_group (session_id, name) values (?, ?)").params(sessionId, g.name()).update();
      long id = jdbc.sql("select id from review_group where session_id = ? and name = ?").params(sessionId, g.name())
          .query(Long.class).single();
      groupIds.put(g.name(), id);
      batch.batchUpdate("insert into review_group_member (group_id, expert_id) values (?, ?)",
          g.memberIds().stream().map(e -> new Object[] {id, e}).toList());
    }
    batch.batchUpdate("insert into applicant_assignment (applicant_id, group_id) values (?, ?)",
        assignments.stream().map(a -> new Object[] {a.applicantId(), groupIds.get(a.groupName())}).toList());
    List<Object[]> readers = new ArrayList<>();
    assignments.forEach(a -> a.readerIds().forEach(r -> readers.add(new Object[] {sessionId, a.applicantId(), r})));
    batch.batchUpdate("insert into applicant_reader (session_id, applicant_id, expert_id) values (?, ?, ?)", readers);
  }

  public List<String> groupNames(long sessionId) {
    return jdbc.sql("select name from review_group where session_id = ? order by name").param(sessionId)
        .query(String.class).list();
  }

  public List<ReviewGroup> groups(long sessionId) {
    Map<String, Set<Long>> members = new HashMap<>();
    groupNames(sessionId).forEach(n -> members.put(n, new TreeSet<>()));
    jdbc.sql("""
            select g.name, m.expert_id from review_group g join review_group_member m on m.group_id = g.id
            where g.session_id = ?""")
        .param(sessionId)
        .query((rs, n) -> members.get(rs.getString("name")).add(rs.getLong("expert_id")))
        .list();
    return members.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new ReviewGroup(e.getKey(), e.getValue())).toList();
  }

  /** Each applicant's readers, read once for the whole {@code reading}. */
  public Map<Long, Assignment> assignments(SessionReading reading) {
    return reading.once(ASSIGNMENTS, this::assignments);
  }

  /** Assignments by applicant id. */
  public Map<Long, Assignment> assignments(long sessionId) {
    Map<Long, Assignment> assignments = new HashMap<>();
    jdbc.sql("""
            select a.applicant_id, g.name from applicant_assignment a join review_group g on g.id = a.group_id
            where g.session_id = ?""")
        .param(sessionId)
        .query((rs, n) -> assignments.put(rs.getLong("applicant_id"),
            new Assignment(rs.getLong("applicant_id"), rs.getString("name"), new TreeSet<>())))
        .list();
    jdbc.sql("""
            select applicant_id, expert_id from applicant_reader where session_id = ?""")
        .param(sessionId)
        .query((rs, n) -> {
          long applicant = rs.getLong("applicant_id");
          assignments.computeIfAbsent(applicant, id -> new Assignment(id, null, new TreeSet<>()))
              .readerIds().add(rs.getLong("expert_id"));
          return applicant;
        })
        .list();
    return assignments;
  }

  public void replaceVotes(long sessionId, List<VoteCount> votes, String user, Instant at) {
    jdbc.sql("delete from vote_result where session_id = ?").param(sessionId).update();
    batch.batchUpdate("""
            insert into vote_result (session_id, applicant_id, voters_present, yes_votes, no_votes, abstain_votes,
                                     passed, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        votes.stream().map(v -> new Object[] {sessionId, v.applicantId(), v.votersPresent(), v.yes(), v.no(),
            v.abstain(), v.passed(), user, Timestamp.from(at)}).toList());
  }

  /** Who entered the session's vote counts or proposed an amendment of them. */
  public Set<String> voteRecorders(long sessionId) {
    return new HashSet<>(jdbc.sql("""
            select recorded_by from vote_result where session_id = ? and recorded_by is not null
            union
            select proposed_by from vote_amendment where session_id = ?""")
        .params(sessionId, sessionId).query(String.class).list());
  }

  /** Applies an approved amendment to one applicant's counts. */
  public void updateVote(VoteCount vote, Instant at) {
    jdbc.sql("""
            update vote_result set voters_present = ?, yes_votes = ?, no_votes = ?, abstain_votes = ?, passed = ?,
                                   recorded_at = ?
            where applicant_id = ?""")
        .params(vote.votersPresent(), vote.yes(), vote.no(), vote.abstain(), vote.passed(), Timestamp.from(at),
            vote.applicantId())
        .update();
  }

  /** Each applicant's vote count, read once for the whole {@code reading}. */
  public Map<Long, VoteCount> votes(SessionReading reading) {
    return reading.once(VOTES, this::votes);
  }

  /** Vote counts by applicant id. */
  public Map<Long, VoteCount> votes(long sessionId) {
    Map<Long, VoteCount> votes = new HashMap<>();
    jdbc.sql("""
            select applicant_id, voters_present, yes_votes, no_votes, abstain_votes, passed from vote_result
            where session_id = ?""")
        .param(sessionId)
        .query((rs, n) -> new VoteCount(rs.getLong("applicant_id"), rs.getInt("voters_present"),
            rs.getInt("yes_votes"), rs.getInt("no_votes"), rs.getInt("abstain_votes"), rs.getBoolean("passed")))
        .list()
        .forEach(v -> votes.put(v.applicantId(), v));
    return votes;
  }
}
