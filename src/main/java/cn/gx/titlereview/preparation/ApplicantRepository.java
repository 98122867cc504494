package cn.gx.titlereview.preparation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApplicantRepository {

  private final JdbcClient jdbc;

  public ApplicantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Applicant> list(long sessionId) {
    return jdbc.sql("select * from applicant where session_id = ? order by applicant_no")
        .param(sessionId)
        .query((rs, n) -> new Applicant(rs.getLong("id"), rs.getString("applicant_no"), rs.getString("name"),
            rs.getString("employer"), rs.getString("employer_type"), rs.getString("level"), rs.getString("series"),
            rs.getString("specialty"), rs.getString("eligibility"), rs.getString("eligibility_reason")))
        .list();
  }

  public int count(long sessionId) {
    return jdbc.sql("select count(*) from applicant where session_id = ?").param(sessionId).query(Integer.class)
        .single();
  }

  /** Applicants are referred to by other tables; only a session without review data may replace its list. */
  public boolean hasReviewData(long sessionId) {
    return jdbc.sql("""
            select count(*) from applicant a
            where a.session_id = ? and (exists (select 1 from vote_result v where v.applicant_id = a.id)
               or exists (select 1 from applicant_assignment g where g.applicant_id = a.id))""")
        .param(sessionId).query(Integer.class).single() > 0;
  }

  public void replaceAll(long sessionId, List<Applicant> applicants) {
    jdbc.sql("delete from applicant where session_id = ?").param(sessionId).update();
    for (Applicant a : applicants) {
      jdbc.sql("""
              insert into applicant (session_id, applicant_no, name, employer, employer_type, level, series,
                                     specialty, eligibility, eligibility_reason)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(sessionId, a.applicantNo(), a.name(), a.employer(), a.employerType(), a.level(), a.series(),
              a.specialty(), a.eligibility(), a.eligibilityReason())
          .update();
    }
  }
}
