package cn.gx.titlereview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Votes, recheck findings and readers carry their session so that a session reads them by one index range (V30).
 * The database holds the copy to the applicant's own session: a row filed under another session is refused.
 */
@IntegrationTest
class ApplicantRowsSessionTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;

  @Test
  void aRowFiledUnderAnotherSessionThanItsApplicantsIsRefused() {
    ReviewSession session = fixture.sessionWithVotes();
    long other = data.session("正高").id();
    long applicant = jdbc.sql("select id from applicant where session_id = ? and applicant_no = 'SB01'")
        .param(session.id()).query(Long.class).single();
    long expert = jdbc.sql("select expert_id from applicant_reader where applicant_id = ? order by expert_id")
        .param(applicant).query(Long.class).list().get(0);
    Timestamp now = Timestamp.from(Instant.now());

    assertThatThrownBy(() -> jdbc.sql("update vote_result set session_id = ? where applicant_id = ?")
        .params(other, applicant).update()).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("""
            insert into recheck_finding (session_id, applicant_id, round, problem, recorded_by, recorded_at)
            values (?, ?, 1, false, 'staff1', ?)""").params(other, applicant, now).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("update applicant_reader set session_id = ? where applicant_id = ?")
        .params(other, applicant).update()).isInstanceOf(DataIntegrityViolationException.class);

    assertThat(jdbc.sql("select count(*) from vote_result where session_id = ? and applicant_id = ?")
        .params(session.id(), applicant).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from applicant_reader where session_id = ? and expert_id = ?")
        .params(session.id(), expert).query(Integer.class).single()).isPositive();
  }
}
