package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.web.BusinessException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

// Named apart from Spring Session's "sessionRepository" (the browser sessions, docs/operations.md).
@Repository("reviewSessionRepository")
public class SessionRepository {

  private final JdbcClient jdbc;

  /** How a session ended: {@link #CONFIRMED} (评审结果已确认) or {@link #NOT_CONFIRMED}, by whom, when. */
  public record Closure(String outcome, String closedBy, Instant closedAt) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";

    public boolean confirmed() {
      return CONFIRMED.equals(outcome);
    }
  }

  /** A change of the planned review days, with the plan it replaced. */
  public record Replan(LocalDate previousStart, LocalDate previousEnd, LocalDate newStart, LocalDate newEnd,
      String reason, String replannedBy, Instant replannedAt) {
  }

  /** A member joining ({@code ADDED}) or leaving ({@code REMOVED}) a session's staff list. */
  public record StaffChange(String userId, String change, String changedBy, Instant changedAt) {
  }

  public SessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean codeExists(String code) {
    return jdbc.sql("select count(*) from review_session where code = ?").param(code).query(Long.class).single() > 0;
  }

  public long insert(NewSession s, String processInstanceId, String createdBy, Instant at) {
    jdbc.sql("""
            insert into review_session (code, committee_name, level, series, review_year, organising_unit,
              approving_unit, self_managed, planned_review_start, planned_review_end, process_instance_id,
              created_by, created_at, committee_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(s.code(), s.committeeName(), s.level(), s.series(), s.reviewYear(), s.organisingUnit(),
            s.approvingUnit(), s.selfManaged(), Date.valueOf(s.plannedReviewStart()),
            Date.valueOf(s.plannedReviewEnd()), processInstanceId, createdBy, Timestamp.from(at), s.committeeId())
        .update();
    return jdbc.sql("select id from review_session where code = ?").param(s.code()).query(Long.class).single();
  }

  public void addStaff(long sessionId, Collection<String> userIds) {
    userIds.forEach(user -> jdbc.sql("insert into session_staff (session_id, user_id) values (?, ?)")
        .params(sessionId, user).update());
  }

  public void removeStaff(long sessionId, String userId) {
    jdbc.sql("delete from session_staff where session_id = ? and user_id = ?").params(sessionId, userId).update();
  }

  public void recordStaffChange(long sessionId, String userId, String change, String by, Instant at) {
    jdbc.sql("""
            insert into session_staff_change (session_id, user_id, change, changed_by, changed_at)
            values (?, ?, ?, ?, ?)""")
        .params(sessionId, userId, change, by, Timestamp.from(at)).update();
  }

  public List<StaffChange> staffChanges(long sessionId) {
    return jdbc.sql("""
            select user_id, change, changed_by, changed_at from session_staff_change
            where session_id = ? order by id""")
        .param(sessionId)
        .query((rs, n) -> new StaffChange(rs.getString("user_id"), rs.getString("change"),
            rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  public List<String> staff(long sessionId) {
    return jdbc.sql("select user_id from session_staff where session_id = ? order by user_id")
        .param(sessionId).query(String.class).list();
  }

  /** The staff of every session of one committee, each once. */
  public List<String> staffOfCommittee(long committeeId) {
    return jdbc.sql("""
            select distinct s.user_id from session_staff s join review_session r on r.id = s.session_id
            where r.committee_id = ? order by s.user_id""")
        .param(committeeId).query(String.class).list();
  }

  public ReviewSession get(long id) {
    return jdbc.sql("select * from review_session where id = ?").param(id).query(SessionRepository::map).single();
  }

  public Optional<ReviewSession> findByCode(String code) {
    return jdbc.sql("select * from review_session where code = ?").param(code).query(SessionRepository::map)
        .optional();
  }

  public ReviewSession getByCode(String code) {
    return findByCode(code).orElseThrow(() -> BusinessException.notFound("评审会 " + code + " 不存在"));
  }

  /** The codes of the sessions whose review was planned to start in the period, sorted: a 事后抽查 pool. */
  public List<String> codesPlannedBetween(LocalDate from, LocalDate to) {
    return jdbc.sql("select code from review_session where planned_review_start between ? and ? order by code")
        .params(Date.valueOf(from), Date.valueOf(to)).query(String.class).list();
  }

  /** Sessions matching the filters (null = any), newest year first. */
  public List<ReviewSession> search(Integer year, String level, String organisingUnit) {
    return jdbc.sql("""
            select * from review_session
            where (cast(:year as integer) is null or review_year = :year)
              and (cast(:level as varchar(8)) is null or level = :level)
              and (cast(:unit as varchar(200)) is null or organising_unit = :unit)
            order by review_year desc, code""")
        .param("year", year).param("level", level).param("unit", organisingUnit)
        .query(SessionRepository::map)
        .list();
  }

  public List<String> organisingUnits() {
    return jdbc.sql("select distinct organising_unit from review_session order by organising_unit")
        .query(String.class).list();
  }

  /** Closes the session once; a second close (a replayed end event) keeps the first. */
  public void close(long id, String outcome, String by, Instant at) {
    jdbc.sql("update review_session set closed_outcome = ?, closed_by = ?, closed_at = ? where id = ? "
            + "and closed_outcome is null")
        .params(outcome, by, Timestamp.from(at), id).update();
  }

  /** Sessions not yet closed (confirmed or not confirmed). */
  /** The sessions not yet closed, by code. */
  public List<ReviewSession> open() {
    return jdbc.sql("select * from review_session where closed_outcome is null order by code")
        .query(SessionRepository::map).list();
  }

  public long countOpen() {
    return jdbc.sql("select count(*) from review_session where closed_outcome is null").query(Long.class).single();
  }

  public Optional<Closure> closure(long id) {
    return jdbc.sql("select closed_outcome, closed_by, closed_at from review_session where id = ?").param(id)
        .query((rs, n) -> new Closure(rs.getString("closed_outcome"), rs.getString("closed_by"),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
        .optional().filter(c -> c.outcome() != null);
  }

  /** Moves the planned review days and keeps the plan it replaces. */
  public void replan(ReviewSession session, LocalDate start, LocalDate end, String reason, String by, Instant at) {
    jdbc.sql("""
            insert into review_replan (session_id, previous_start, previous_end, new_start, new_end, reason,
                                       replanned_by, replanned_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(session.id(), Date.valueOf(session.plannedReviewStart()), Date.valueOf(session.plannedReviewEnd()),
            Date.valueOf(start), Date.valueOf(end), reason, by, Timestamp.from(at))
        .update();
    jdbc.sql("update review_session set planned_review_start = ?, planned_review_end = ? where id = ?")
        .params(Date.valueOf(start), Date.valueOf(end), session.id()).update();
  }

  public List<Replan> replans(long sessionId) {
    return jdbc.sql("select * from review_replan where session_id = ? order by id").param(sessionId)
        .query((rs, n) -> new Replan(rs.getDate("previous_start").toLocalDate(),
            rs.getDate("previous_end").toLocalDate(), rs.getDate("new_start").toLocalDate(),
            rs.getDate("new_end").toLocalDate(), rs.getString("reason"), rs.getString("replanned_by"),
            rs.getTimestamp("replanned_at").toInstant()))
        .list();
  }

  /**
   * The session as planned when {@code at} happened: with the review days a later re-plan replaced, or as it is. The
   * draw window is judged against the plan in force at the draw.
   */
  public ReviewSession asPlannedAt(ReviewSession session, Instant at) {
    return replans(session.id()).stream().filter(r -> r.replannedAt().isAfter(at)).findFirst()
        .map(r -> session.withPlannedReview(r.previousStart(), r.previousEnd())).orElse(session);
  }

  public void markSubmitted(long id, Instant at) {
    jdbc.sql("update review_session set submitted_at = ? where id = ?").params(Timestamp.from(at), id).update();
  }

  private static ReviewSession map(ResultSet rs, int row) throws SQLException {
    return new ReviewSession(rs.getLong("id"), rs.getString("code"), rs.getString("committee_name"),
        rs.getString("level"), rs.getString("series"), rs.getInt("review_year"), rs.getString("organising_unit"),
        rs.getString("approving_unit"), rs.getBoolean("self_managed"),
        rs.getDate("planned_review_start").toLocalDate(), rs.getDate("planned_review_end").toLocalDate(),
        rs.getString("process_instance_id"), rs.getLong("committee_id"));
  }
}
