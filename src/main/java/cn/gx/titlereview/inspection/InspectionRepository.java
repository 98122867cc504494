package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.PlatformConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class InspectionRepository {

  public record Inspection(long id, Long sessionId, String committeeName, List<String> means, String trigger,
      String triggerNote, Long selectionId, String processInstanceId, String openedBy, Instant openedAt,
      String conclusion, Instant findingsClosedAt, Instant concludedAt, long committeeId, Long inspectingOrgId) {

    /** Who opened it and when, as pages show it. */
    public String opened() {
      return openedBy + " 于 " + PlatformConfig.MINUTES.format(openedAt);
    }

    public String state() {
      return concludedAt != null ? "已办结" : findingsClosedAt != null ? "整改中" : "督查中";
    }
  }

  public record Finding(long id, long inspectionId, String rule, String responsible, String rectification,
      int deadlineWorkingDays, LocalDate dueDate, String answer, String answeredBy, Instant answeredAt,
      Instant escalatedAt, String escalationNote, String escalationBy, Boolean verified, String verificationNote,
      String verifiedBy, Instant verifiedAt, String accountability, String accountabilityRegulation) {

    /** 待整改, 已答复待核验, 已核验整改到位, 核验未通过 (back to the organising unit). */
    public String status() {
      if (Boolean.TRUE.equals(verified)) {
        return "整改到位（" + verifiedBy + " 核验）";
      }
      if (answer == null) {
        return escalatedAt != null ? "逾期未整改，已报主管部门负责人督办" : "待整改（期限 " + dueDate + "）";
      }
      return Boolean.FALSE.equals(verified) ? "整改未通过核验，待重新整改" : "已答复，待核验";
    }
  }

  public record Selection(long id, LocalDate from, LocalDate to, int sampleSize, List<String> pool,
      String poolSha256, String seedHex, List<String> selected, String drawnBy, Instant drawnAt) {
  }

  private final JdbcClient jdbc;

  InspectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(Long sessionId, long committeeId, String committeeName, Long inspectingOrgId, List<String> means,
      String trigger, String note, Long selectionId, String user, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into inspection (session_id, committee_id, committee_name, inspecting_org_id, means, trigger_kind,
                                    trigger_note, selection_id, opened_by, opened_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, committeeId, committeeName, inspectingOrgId, String.join(",", means), trigger, note,
            selectionId, user, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update inspection set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public Optional<Inspection> find(long id) {
    return jdbc.sql("select * from inspection where id = ?").param(id).query((rs, n) -> inspection(rs)).optional();
  }

  /** The inspections of a session: those on it, and those on its committee as a whole. */
  public List<Inspection> forSession(long sessionId, long committeeId) {
    return jdbc.sql("""
            select * from inspection where session_id = ? or (session_id is null and committee_id = ?)
            order by id""")
        .params(sessionId, committeeId).query((rs, n) -> inspection(rs)).list();
  }

  /** The committee of the inspection a process instance runs. */
  Optional<Long> committeeOfProcess(String processInstanceId) {
    return jdbc.sql("select committee_id from inspection where process_instance_id = ?").param(processInstanceId)
        .query(Long.class).optional();
  }

  public List<Inspection> list() {
    return jdbc.sql("select * from inspection order by id desc").query((rs, n) -> inspection(rs)).list();
  }

  public void closeFindings(long id, String conclusion, Instant at) {
    jdbc.sql("update inspection set conclusion = ?, findings_closed_at = ? where id = ?")
        .params(conclusion, Timestamp.from(at), id).update();
  }

  public void conclude(long id, Instant at) {
    jdbc.sql("update inspection set concluded_at = ? where id = ?").params(Timestamp.from(at), id).update();
  }

  public void replaceFindings(long inspectionId, List<Finding> findings) {
    jdbc.sql("delete from inspection_finding where inspection_id = ?").param(inspectionId).update();
    for (Finding f : findings) {
      jdbc.sql("""
              insert into inspection_finding (inspection_id, rule_text, responsible, rectification,
                                              deadline_working_days, due_date)
              values (?, ?, ?, ?, ?, ?)""")
          .params(inspectionId, f.rule(), f.responsible(), f.rectification(), f.deadlineWorkingDays(),
              java.sql.Date.valueOf(f.dueDate()))
          .update();
    }
  }

  public List<Finding> findings(long inspectionId) {
    return jdbc.sql("select * from inspection_finding where inspection_id = ? order by id").param(inspectionId)
        .query((rs, n) -> finding(rs)).list();
  }

  public Optional<Finding> finding(long id) {
    return jdbc.sql("select * from inspection_finding where id = ?").param(id).query((rs, n) -> finding(rs))
        .optional();
  }

  public void answer(long findingId, String answer, String user, Instant at) {
    jdbc.sql("update inspection_finding set answer = ?, answered_by = ?, answered_at = ?, verified = null where id = ?")
        .params(answer, user, Timestamp.from(at), findingId).update();
  }

  public void escalate(long findingId, Instant at) {
    jdbc.sql("update inspection_finding set escalated_at = ? where id = ?").params(Timestamp.from(at), findingId)
        .update();
  }

  public void superviseOverdue(long findingId, String note, String user) {
    jdbc.sql("update inspection_finding set escalation_note = ?, escalation_by = ? where id = ?")
        .params(note, user, findingId).update();
  }

  public void verify(long findingId, boolean accepted, String note, String accountability, String regulation,
      String user, Instant at) {
    jdbc.sql("""
            update inspection_finding set verified = ?, verification_note = ?, accountability = ?,
                   accountability_regulation = ?, verified_by = ?, verified_at = ?
            where id = ?""")
        .params(accepted, note, accountability, regulation, user, Timestamp.from(at), findingId).update();
  }

  public long insertSelection(Selection s) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into inspection_selection (period_from, period_to, sample_size, pool, pool_sha256, seed_hex,
                                              selected, drawn_by, drawn_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(java.sql.Date.valueOf(s.from()), java.sql.Date.valueOf(s.to()), s.sampleSize(),
            String.join(",", s.pool()), s.poolSha256(), s.seedHex(), String.join(",", s.selected()), s.drawnBy(),
            Timestamp.from(s.drawnAt()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<Selection> selection(long id) {
    return jdbc.sql("select * from inspection_selection where id = ?").param(id)
        .query((rs, n) -> new Selection(rs.getLong("id"), rs.getDate("period_from").toLocalDate(),
            rs.getDate("period_to").toLocalDate(), rs.getInt("sample_size"), split(rs.getString("pool")),
            rs.getString("pool_sha256"), rs.getString("seed_hex"), split(rs.getString("selected")),
            rs.getString("drawn_by"), rs.getTimestamp("drawn_at").toInstant()))
        .optional();
  }

  /** How many complaints the sessions of a committee received in a review year. */
  public int complaintsAbout(long committeeId, int reviewYear) {
    return jdbc.sql("""
            select count(*) from complaint c join review_session s on s.id = c.session_id
            where s.committee_id = ? and s.review_year = ?""")
        .params(committeeId, reviewYear).query(Integer.class).single();
  }

  private static Inspection inspection(ResultSet rs) throws SQLException {
    long session = rs.getLong("session_id");
    Long sessionId = rs.wasNull() ? null : session;
    long selection = rs.getLong("selection_id");
    Long selectionId = rs.wasNull() ? null : selection;
    return new Inspection(rs.getLong("id"), sessionId, rs.getString("committee_name"), split(rs.getString("means")),
        rs.getString("trigger_kind"), rs.getString("trigger_note"), selectionId,
        rs.getString("process_instance_id"), rs.getString("opened_by"), instant(rs, "opened_at"),
        rs.getString("conclusion"), instant(rs, "findings_closed_at"), instant(rs, "concluded_at"),
        rs.getLong("committee_id"), nullableLong(rs, "inspecting_org_id"));
  }

  private static Finding finding(ResultSet rs) throws SQLException {
    boolean verified = rs.getBoolean("verified");
    Boolean verifiedOrNull = rs.wasNull() ? null : verified;
    return new Finding(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("rule_text"),
        rs.getString("responsible"), rs.getString("rectification"), rs.getInt("deadline_working_days"),
        rs.getDate("due_date").toLocalDate(), rs.getString("answer"), rs.getString("answered_by"),
        instant(rs, "answered_at"), instant(rs, "escalated_at"), rs.getString("escalation_note"),
        rs.getString("escalation_by"), verifiedOrNull, rs.getString("verification_note"),
        rs.getString("verified_by"), instant(rs, "verified_at"), rs.getString("accountability"),
        rs.getString("accountability_regulation"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
