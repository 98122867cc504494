package cn.gx.titlereview.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model's tables (V56): one row per session with its record's figures, the gates that failed in it, the
 * imported past years and what was done about pass-rate flags. Committee-year figures are sums over the rows.
 */
@Repository
class OversightRepository {

  /** One session's figures as the read model keeps them. */
  record SessionFact(long sessionId, int applicants, Integer passed, int applicantsPublic, Integer passedPublic,
      int applicantsEnterprise, Integer passedEnterprise, Integer recheckProblems, int complaintsReceived,
      int complaintsVerified, int gateFailures, int gatesUnrectified, List<String> noItems, String closedOutcome) {
  }

  /** A gate that failed in a session: how often, and whether its latest run passed. */
  record FailedGate(String gateKey, String gateName, int failures, boolean rectified) {
  }

  /** A session with its figures (null before its facts were first written), for lists that link to sessions. */
  record SessionRow(long sessionId, String code, long committeeId, int year, String level, SessionFact fact) {
  }

  /** A committee's figures for a year, summed over its sessions, or imported (then sessions is 0). */
  record CommitteeYear(long committeeId, int year, int sessions, int applicants, int decidedApplicants, int passed,
      Integer applicantsPublic, Integer passedPublic, Integer applicantsEnterprise, Integer passedEnterprise,
      int recheckProblems, int complaintsReceived, int complaintsVerified, int gateFailures, int gatesUnrectified,
      int noItems, boolean imported) {
  }

  /** An imported committee-year. */
  record PastYear(long committeeId, int year, String level, String series, int applicants, int passed,
      Integer passedPublic, Integer passedEnterprise) {
  }

  /** A gate's failures in a committee's sessions of a year. */
  record GateCount(long committeeId, String gateName, int failures, int sessions, int unrectified) {
  }

  /** What was done about a flag. */
  record FlagDecision(long id, long committeeId, int year, String flag, String evidence, Long inspectionId,
      String reason, String decidedBy, Instant decidedAt) {
  }

  private final JdbcClient jdbc;

  OversightRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the session's row and its failed gates. */
  void save(SessionFact f, List<FailedGate> gates, Instant at) {
    jdbc.sql("delete from oversight_session_gate where session_id = ?").param(f.sessionId()).update();
    jdbc.sql("delete from oversight_session_fact where session_id = ?").param(f.sessionId()).update();
    jdbc.sql("""
            insert into oversight_session_fact (session_id, applicants, passed, applicants_public, passed_public,
              applicants_enterprise, passed_enterprise, recheck_problems, complaints_received, complaints_verified,
              gate_failures, gates_unrectified, no_items, no_item_count, closed_outcome, computed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(f.sessionId(), f.applicants(), f.passed(), f.applicantsPublic(), f.passedPublic(),
            f.applicantsEnterprise(), f.passedEnterprise(), f.recheckProblems(), f.complaintsReceived(),
            f.complaintsVerified(), f.gateFailures(), f.gatesUnrectified(),
            f.noItems().isEmpty() ? null : String.join("\n", f.noItems()), f.noItems().size(), f.closedOutcome(),
            Timestamp.from(at))
        .update();
    for (FailedGate g : gates) {
      jdbc.sql("""
              insert into oversight_session_gate (session_id, gate_key, gate_name, failures, rectified)
              values (?, ?, ?, ?, ?)""")
          .params(f.sessionId(), g.gateKey(), g.gateName(), g.failures(), g.rectified()).update();
    }
  }

  java.util.Optional<SessionFact> fact(long sessionId) {
    return jdbc.sql("select * from oversight_session_fact where session_id = ?").param(sessionId)
        .query((rs, n) -> fact(rs)).optional();
  }

  List<FailedGate> gates(long sessionId) {
    return jdbc.sql("select * from oversight_session_gate where session_id = ? order by gate_key").param(sessionId)
        .query((rs, n) -> new FailedGate(rs.getString("gate_key"), rs.getString("gate_name"), rs.getInt("failures"),
            rs.getBoolean("rectified"))).list();
  }

  /** The failed gates of each session of a committee, by session. */
  java.util.Map<Long, List<FailedGate>> gatesOfCommittee(long committeeId) {
    java.util.Map<Long, List<FailedGate>> gates = new java.util.HashMap<>();
    jdbc.sql("""
            select g.* from oversight_session_gate g join review_session s on s.id = g.session_id
            where s.committee_id = ? order by g.session_id, g.gate_key""")
        .param(committeeId).query(rs -> {
          gates.computeIfAbsent(rs.getLong("session_id"), k -> new java.util.ArrayList<>()).add(new FailedGate(
              rs.getString("gate_key"), rs.getString("gate_name"), rs.getInt("failures"), rs.getBoolean("rectified")));
        });
    return gates;
  }

  /** The sessions of the years, of one committee or of all (committeeId null), with their figures. */
  List<SessionRow> sessions(Long committeeId, int fromYear, int toYear) {
    return jdbc.sql("""
            select s.id, s.code, s.committee_id, s.review_year, s.level, f.*
            from review_session s left join oversight_session_fact f on f.session_id = s.id
            where s.review_year between :from and :to
              and (cast(:committee as bigint) is null or s.committee_id = :committee)
            order by s.review_year desc, s.code""")
        .param("from", fromYear).param("to", toYear).param("committee", committeeId)
        .query((rs, n) -> new SessionRow(rs.getLong("id"), rs.getString("code"), rs.getLong("committee_id"),
            rs.getInt("review_year"), rs.getString("level"), rs.getObject("session_id") == null ? null : fact(rs)))
        .list();
  }

  /** The ids of every session, for a rebuild. */
  List<Long> sessionIds() {
    return jdbc.sql("select id from review_session order by id").query(Long.class).list();
  }

  /**
   * Committee-year sums over the sessions of the years (pass rates over the sessions with results only), of one
   * committee or all.
   */
  List<CommitteeYear> committeeYears(Long committeeId, int fromYear, int toYear) {
    return jdbc.sql("""
            select s.committee_id, s.review_year, count(*) as sessions,
              coalesce(sum(f.applicants), 0) as applicants,
              coalesce(sum(case when f.passed is not null then f.applicants end), 0) as decided,
              coalesce(sum(f.passed), 0) as passed,
              coalesce(sum(case when f.passed is not null then f.applicants_public end), 0) as applicants_public,
              coalesce(sum(f.passed_public), 0) as passed_public,
              coalesce(sum(case when f.passed is not null then f.applicants_enterprise end), 0) as applicants_enterprise,
              coalesce(sum(f.passed_enterprise), 0) as passed_enterprise,
              coalesce(sum(f.recheck_problems), 0) as recheck_problems,
              coalesce(sum(f.complaints_received), 0) as complaints_received,
              coalesce(sum(f.complaints_verified), 0) as complaints_verified,
              coalesce(sum(f.gate_failures), 0) as gate_failures,
              coalesce(sum(f.gates_unrectified), 0) as gates_unrectified,
              coalesce(sum(f.no_item_count), 0) as no_items
            from review_session s left join oversight_session_fact f on f.session_id = s.id
            where s.review_year between :from and :to
              and (cast(:committee as bigint) is null or s.committee_id = :committee)
            group by s.committee_id, s.review_year""")
        .param("from", fromYear).param("to", toYear).param("committee", committeeId)
        .query((rs, n) -> new CommitteeYear(rs.getLong("committee_id"), rs.getInt("review_year"),
            rs.getInt("sessions"), rs.getInt("applicants"), rs.getInt("decided"), rs.getInt("passed"),
            rs.getInt("applicants_public"), rs.getInt("passed_public"), rs.getInt("applicants_enterprise"),
            rs.getInt("passed_enterprise"), rs.getInt("recheck_problems"), rs.getInt("complaints_received"),
            rs.getInt("complaints_verified"), rs.getInt("gate_failures"), rs.getInt("gates_unrectified"),
            rs.getInt("no_items"), false))
        .list();
  }

  /** Imported committee-years of the years, of one committee or all. */
  List<PastYear> pastYears(Long committeeId, int fromYear, int toYear) {
    return jdbc.sql("""
            select * from oversight_past_year where review_year between :from and :to
              and (cast(:committee as bigint) is null or committee_id = :committee)""")
        .param("from", fromYear).param("to", toYear).param("committee", committeeId)
        .query((rs, n) -> new PastYear(rs.getLong("committee_id"), rs.getInt("review_year"), rs.getString("level"),
            rs.getString("series"), rs.getInt("applicants"), rs.getInt("passed"),
            (Integer) rs.getObject("passed_public"), (Integer) rs.getObject("passed_enterprise")))
        .list();
  }

  /** The committee's first year with figures, sessions or imported; null when it has none. */
  Integer firstYear(long committeeId) {
    Integer sessions = jdbc.sql("select min(review_year) from review_session where committee_id = ?").param(committeeId)
        .query(Integer.class).optional().orElse(null);
    Integer imported = jdbc.sql("select min(review_year) from oversight_past_year where committee_id = ?")
        .param(committeeId).query(Integer.class).optional().orElse(null);
    return sessions == null ? imported : imported == null ? sessions : Math.min(sessions, imported);
  }

  /** Whether the committee has sessions in the system in that year (then its figures come from them). */
  boolean hasSessions(long committeeId, int year) {
    return jdbc.sql("select count(*) from review_session where committee_id = ? and review_year = ?")
        .params(committeeId, year).query(Long.class).single() > 0;
  }

  /** Replaces the imported figures of each committee-year given. */
  void savePastYears(List<PastYear> rows, String fileName, String sha256, String by, Instant at) {
    for (PastYear r : rows) {
      jdbc.sql("delete from oversight_past_year where committee_id = ? and review_year = ?")
          .params(r.committeeId(), r.year()).update();
      jdbc.sql("""
              insert into oversight_past_year (committee_id, review_year, level, series, applicants, passed,
                passed_public, passed_enterprise, file_name, file_sha256, imported_by, imported_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(r.committeeId(), r.year(), r.level(), r.series(), r.applicants(), r.passed(), r.passedPublic(),
              r.passedEnterprise(), fileName, sha256, by, Timestamp.from(at))
          .update();
    }
  }

  /** Failed gates per committee and gate name in the year. */
  List<GateCount> gateCounts(int year) {
    return jdbc.sql("""
            select s.committee_id, g.gate_name, sum(g.failures) as failures, count(*) as sessions,
              sum(case when g.rectified then 0 else 1 end) as unrectified
            from oversight_session_gate g join review_session s on s.id = g.session_id
            where s.review_year = ?
            group by s.committee_id, g.gate_name""")
        .param(year).query((rs, n) -> new GateCount(rs.getLong("committee_id"), rs.getString("gate_name"),
            rs.getInt("failures"), rs.getInt("sessions"), rs.getInt("unrectified"))).list();
  }

  long decide(long committeeId, int year, String flag, String evidence, Long inspectionId, String reason,
      String by, Instant at) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into oversight_flag_decision (committee_id, review_year, flag, evidence, inspection_id, reason,
              decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(committeeId, year, flag, evidence, inspectionId, reason, by, Timestamp.from(at)).update(key, "id");
    return key.getKey().longValue();
  }

  /** What was done about flags in the years, of one committee or all, oldest first. */
  List<FlagDecision> decisions(Long committeeId, int fromYear, int toYear) {
    return jdbc.sql("""
            select * from oversight_flag_decision where review_year between :from and :to
              and (cast(:committee as bigint) is null or committee_id = :committee) order by id""")
        .param("from", fromYear).param("to", toYear).param("committee", committeeId)
        .query((rs, n) -> new FlagDecision(rs.getLong("id"), rs.getLong("committee_id"), rs.getInt("review_year"),
            rs.getString("flag"), rs.getString("evidence"), (Long) rs.getObject("inspection_id", Long.class),
            rs.getString("reason"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
        .list();
  }

  /** An inspection of a committee (on it or one of its sessions), with its findings counted. */
  record InspectionRow(long id, long committeeId, Long sessionId, int year, String means, String trigger,
      String triggerNote, String conclusion, boolean concluded, int findings, int verified, int overdue,
      int corrections) {
  }

  /** The inspections opened in the years, with their findings: verified rectified, and overdue on {@code today}. */
  List<InspectionRow> inspections(Long committeeId, int fromYear, int toYear, LocalDate today) {
    return jdbc.sql("""
            select i.id, i.committee_id, i.session_id, i.opened_at, i.means, i.trigger_kind, i.trigger_note,
              i.conclusion, i.concluded_at,
              (select count(*) from inspection_finding f where f.inspection_id = i.id) as findings,
              (select count(*) from inspection_finding f where f.inspection_id = i.id and f.verified = true)
                as verified,
              (select count(*) from inspection_finding f where f.inspection_id = i.id and f.due_date < :today
                and (f.verified is null or f.verified = false)) as overdue,
              (select count(*) from inspection_correction c where c.inspection_id = i.id) as corrections
            from inspection i
            where i.opened_at >= :from and i.opened_at < :to
              and (cast(:committee as bigint) is null or i.committee_id = :committee)
            order by i.id""")
        .param("today", java.sql.Date.valueOf(today))
        .param("from", Timestamp.valueOf(LocalDate.of(fromYear, 1, 1).atStartOfDay()))
        .param("to", Timestamp.valueOf(LocalDate.of(toYear + 1, 1, 1).atStartOfDay()))
        .param("committee", committeeId)
        .query((rs, n) -> new InspectionRow(rs.getLong("id"), rs.getLong("committee_id"),
            rs.getObject("session_id", Long.class), rs.getTimestamp("opened_at").toLocalDateTime().getYear(),
            rs.getString("means"), rs.getString("trigger_kind"), rs.getString("trigger_note"),
            rs.getString("conclusion"), rs.getTimestamp("concluded_at") != null, rs.getInt("findings"),
            rs.getInt("verified"), rs.getInt("overdue"), rs.getInt("corrections")))
        .list();
  }

  /** A finding past its due date and not verified as rectified on {@code today}. */
  record OverdueFinding(long inspectionId, long committeeId, String rule, String responsible, LocalDate due,
      String status) {
  }

  List<OverdueFinding> overdue(LocalDate today) {
    return jdbc.sql("""
            select f.inspection_id, i.committee_id, f.rule_text, f.responsible, f.due_date, f.answer, f.verified
            from inspection_finding f join inspection i on i.id = f.inspection_id
            where f.due_date < ? and (f.verified is null or f.verified = false)
            order by f.due_date""")
        .param(java.sql.Date.valueOf(today))
        .query((rs, n) -> new OverdueFinding(rs.getLong("inspection_id"), rs.getLong("committee_id"),
            rs.getString("rule_text"), rs.getString("responsible"), rs.getDate("due_date").toLocalDate(),
            rs.getString("answer") == null ? "未答复" : Boolean.FALSE.equals(rs.getObject("verified"))
                ? "整改未通过核验" : "已答复，待核验"))
        .list();
  }

  private static SessionFact fact(ResultSet rs) throws SQLException {
    String noItems = rs.getString("no_items");
    return new SessionFact(rs.getLong("session_id"), rs.getInt("applicants"), (Integer) rs.getObject("passed"),
        rs.getInt("applicants_public"), (Integer) rs.getObject("passed_public"), rs.getInt("applicants_enterprise"),
        (Integer) rs.getObject("passed_enterprise"), (Integer) rs.getObject("recheck_problems"),
        rs.getInt("complaints_received"), rs.getInt("complaints_verified"), rs.getInt("gate_failures"),
        rs.getInt("gates_unrectified"), noItems == null ? List.of() : List.of(noItems.split("\n")),
        rs.getString("closed_outcome"));
  }
}
