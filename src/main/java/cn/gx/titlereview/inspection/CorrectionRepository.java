package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Corrections an inspection found on a confirmed session: kept apart from the session's own (signed) tables. */
@Repository
public class CorrectionRepository {

  public static final String VOTES = "VOTES";
  public static final String REVOKE = "REVOKE";
  public static final String NOTE = "NOTE";

  /** One correction; {@code passed} is the vote rule's result on the corrected counts (VOTES only). */
  public record Correction(long id, long inspectionId, long sessionId, String applicantNo, String kind,
      Integer votersPresent, Integer yes, Integer no, Integer abstain, Boolean passed, String description,
      String recordSha256, String proposedBy, Instant proposedAt, String signedBy, Instant signedAt,
      String signNote) {

    public boolean signed() {
      return signedAt != null;
    }

    /** The correction in one line, as the record and the vote outcomes show it. */
    public String describe() {
      String what = switch (kind) {
        case VOTES -> "申报人 " + applicantNo + " 表决票数更正为出席 " + votersPresent + "、赞成 " + yes + "、反对 " + no
            + "、弃权 " + abstain + "（按表决规则" + (Boolean.TRUE.equals(passed) ? "通过" : "未通过") + "）";
        case REVOKE -> "撤销申报人 " + applicantNo + " 的通过";
        default -> "其他更正" + (applicantNo == null ? "" : "（申报人 " + applicantNo + "）");
      };
      return "督查更正 " + id + "：" + what + "；" + description + "（" + proposedBy + " 于 "
          + PlatformConfig.MINUTES.format(proposedAt) + " 登记；" + (signed() ? signedBy + " 于 "
          + PlatformConfig.MINUTES.format(signedAt) + " 签发" + (signNote == null ? "" : "：" + signNote) : "待签发")
          + "；针对签字时记录 " + HashAlgorithm.of(recordSha256).label() + " " + HashAlgorithm.hexOf(recordSha256)
          .substring(0, Math.min(16, HashAlgorithm.hexOf(recordSha256).length())) + "…）";
    }
  }

  private final JdbcClient jdbc;

  public CorrectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long inspectionId, long sessionId, Long applicantId, String kind, Integer present, Integer yes,
      Integer no, Integer abstain, Boolean passed, String description, String recordSha256, String user,
      Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into inspection_correction (inspection_id, session_id, applicant_id, kind, voters_present,
                                               yes_votes, no_votes, abstain_votes, passed, description,
                                               record_sha256, proposed_by, proposed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(inspectionId, sessionId, applicantId, kind, present, yes, no, abstain, passed, description,
            recordSha256, user, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public int signOff(long inspectionId, long id, String note, String user, Instant at) {
    return jdbc.sql("""
            update inspection_correction set signed_by = ?, signed_at = ?, sign_note = ?
            where inspection_id = ? and id = ? and signed_at is null""")
        .params(user, Timestamp.from(at), note, inspectionId, id).update();
  }

  public List<Correction> ofInspection(long inspectionId) {
    return query("c.inspection_id = ?", inspectionId);
  }

  public List<Correction> ofSession(long sessionId) {
    return query("c.session_id = ?", sessionId);
  }

  public Optional<Correction> find(long id) {
    return query("c.id = ?", id).stream().findFirst();
  }

  /** The SHA-256 the record's latest signature bound: what a correction corrects. */
  public Optional<String> signedRecordSha256(long sessionId) {
    return jdbc.sql("select record_sha256 from record_signature where session_id = ? order by id desc")
        .param(sessionId).query(String.class).list().stream().findFirst();
  }

  private List<Correction> query(String where, long id) {
    return jdbc.sql("select c.*, a.applicant_no from inspection_correction c "
            + "left join applicant a on a.id = c.applicant_id where " + where + " order by c.id")
        .param(id)
        .query((rs, n) -> new Correction(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("session_id"),
            rs.getString("applicant_no"), rs.getString("kind"), (Integer) rs.getObject("voters_present"),
            (Integer) rs.getObject("yes_votes"), (Integer) rs.getObject("no_votes"),
            (Integer) rs.getObject("abstain_votes"), (Boolean) rs.getObject("passed"), rs.getString("description"),
            rs.getString("record_sha256"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
            rs.getString("signed_by"),
            rs.getTimestamp("signed_at") == null ? null : rs.getTimestamp("signed_at").toInstant(),
            rs.getString("sign_note")))
        .list();
  }
}
