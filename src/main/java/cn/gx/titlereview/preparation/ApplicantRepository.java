package cn.gx.titlereview.preparation;

import cn.gx.titlereview.platform.BulkInsert;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApplicantRepository {

  private static final SessionReading.Key<List<Applicant>> APPLICANTS = new SessionReading.Key<>("applicants");

  static final List<String> COLUMNS = List.of("session_id", "applicant_no", "name", "employer", "employer_type",
      "level", "series", "specialty", "eligibility", "eligibility_reason");

  private final JdbcClient jdbc;
  private final BulkInsert bulk;

  public ApplicantRepository(JdbcClient jdbc, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.bulk = bulk;
  }

  /** The session's applicants, read once for the whole {@code reading}. */
  public List<Applicant> list(SessionReading reading) {
    return reading.once(APPLICANTS, this::list);
  }

  public List<Applicant> list(long sessionId) {
    return jdbc.sql("select * from applicant where session_id = ? order by applicant_no")
        .param(sessionId)
        .query((rs, n) -> new Applicant(rs.getLong("id"), rs.getString("applicant_no"), rs.getString("name"),
            rs.getString("employer"), rs.getString("employer_type"), rs.getString("level"), rs.getString("series"),
            rs.getString("specialty"), rs.getString("eligibility"), rs.getString("eligibility_reason")))
        .list();
  }

  /** The specialties of the eligible applicants, each once, in no particular order. */
  public List<String> eligibleSpecialties(long sessionId) {
    return jdbc.sql("select distinct specialty from applicant where session_id = ? and eligibility = ?")
        .params(sessionId, Applicant.ELIGIBLE).query(String.class).list();
  }

  public int count(long sessionId) {
    return jdbc.sql("select count(*) from applicant where session_id = ?").param(sessionId).query(Integer.class)
        .single();
  }

  /**
   * Once experts are drawn for the applicants' specialties, the list is fixed: replacing it could leave a
   * specialty without its group. Rectifications before the draw may replace it.
   */
  public boolean isDrawn(long sessionId) {
    return jdbc.sql("select count(*) from expert_draw where session_id = ?")
        .param(sessionId).query(Integer.class).single() > 0;
  }

  /** Replaces the session's applicants in bulk (sessions run to thousands of applicants). */
  public void replaceAll(long sessionId, List<Applicant> applicants) {
    jdbc.sql("delete from applicant where session_id = ?").param(sessionId).update();
    bulk.insert("applicant", COLUMNS, applicants.stream().map(a -> new Object[] {sessionId, a.applicantNo(), a.name(),
        a.employer(), a.employerType(), a.level(), a.series(), a.specialty(), a.eligibility(),
        a.eligibilityReason()}).toList());
  }
}
