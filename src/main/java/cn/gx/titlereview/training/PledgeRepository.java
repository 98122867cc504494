package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.importing.UploadedDocument;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signed pledges: 附件3 by staff users in Tasklist; 附件2 by experts, on paper (recorded by staff, with or without a
 * scan) or confirmed by the expert himself through his one-time link.
 */
@Repository
public class PledgeRepository {

  /** Signed on paper; staff recorded it. */
  public static final String PAPER = "PAPER";
  /** Confirmed by the expert himself through his link: the text's SHA-256 and the name he typed are kept. */
  public static final String LINK = "LINK";

  /** One expert's 附件2 as recorded. */
  public record ExpertPledge(long expertId, String expertCode, String method, Instant recordedAt, String recordedBy,
      String textSha256, String linkId, String scanSha256) {

    public boolean online() {
      return LINK.equals(method);
    }

    /** As the record says it: how he signed, when, and the evidence kept. */
    public String describe() {
      String scan = scanSha256 == null ? "" : "，签字页扫描件 SHA-256 " + scanSha256;
      return online()
          ? "本人通过链接确认于 " + PlatformConfig.MINUTES.format(recordedAt) + "，所确认文本 SHA-256 " + textSha256 + scan
          : "纸质签字，" + recordedBy + " 于 " + PlatformConfig.MINUTES.format(recordedAt) + " 登记" + scan;
    }
  }

  private final JdbcClient jdbc;

  public PledgeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void signStaffPledge(long sessionId, String userId, String templateVersion, Instant at) {
    jdbc.sql("delete from staff_pledge where session_id = ? and user_id = ?").params(sessionId, userId).update();
    jdbc.sql("insert into staff_pledge (session_id, user_id, template_version, signed_at) values (?, ?, ?, ?)")
        .params(sessionId, userId, templateVersion, Timestamp.from(at))
        .update();
  }

  public Set<String> staffWhoSigned(long sessionId) {
    return new HashSet<>(jdbc.sql("select user_id from staff_pledge where session_id = ?").param(sessionId)
        .query(String.class).list());
  }

  /** Records the signed pledges not yet recorded; a pledge already on record keeps its time and scan. */
  public void recordExpertPledges(long sessionId, List<Long> expertIds, String user, Instant at) {
    Set<Long> recorded = expertsWhoSigned(sessionId);
    for (Long expertId : expertIds) {
      if (!recorded.contains(expertId)) {
        jdbc.sql("""
                insert into expert_pledge (session_id, expert_id, recorded_by, recorded_at, method)
                values (?, ?, ?, ?, ?)""")
            .params(sessionId, expertId, user, Timestamp.from(at), PAPER)
            .update();
      }
    }
  }

  /**
   * The expert's own confirmation through his link. It stands over a paper record made before (whose scan stays): his
   * own word, with the text's hash, is the better evidence.
   */
  public void confirmOnline(long sessionId, long expertId, String textSha256, String typedName, String linkId,
      String clientAddress, Instant at) {
    recordExpertPledges(sessionId, List.of(expertId), null, at);
    jdbc.sql("""
            update expert_pledge set method = ?, text_sha256 = ?, typed_name = ?, link_id = ?, client_address = ?,
                                     recorded_at = ?, recorded_by = null
            where session_id = ? and expert_id = ?""")
        .params(LINK, textSha256, typedName, linkId, clientAddress, Timestamp.from(at), sessionId, expertId)
        .update();
  }

  /** Every expert's recorded 附件2, in the order of their codes. */
  public List<ExpertPledge> expertPledges(long sessionId) {
    return jdbc.sql("""
            select p.*, e.expert_code from expert_pledge p join expert e on e.id = p.expert_id
            where p.session_id = ? order by e.expert_code""")
        .param(sessionId)
        .query((rs, n) -> new ExpertPledge(rs.getLong("expert_id"), rs.getString("expert_code"), rs.getString("method"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), rs.getString("text_sha256"),
            rs.getString("link_id"), rs.getString("scan_sha256")))
        .list();
  }

  /** Keeps the scanned signed page of one expert's pledge, recording the pledge if it was not yet. */
  public void attachScan(long sessionId, long expertId, UploadedDocument scan, String user, Instant at) {
    recordExpertPledges(sessionId, List.of(expertId), user, at);
    jdbc.sql("""
            update expert_pledge set scan_file_name = ?, scan_sha256 = ?, scan_content = ?
            where session_id = ? and expert_id = ?""")
        .params(scan.fileName(), scan.sha256(), scan.content(), sessionId, expertId)
        .update();
  }

  /** A scanned page: {@code fileName} is the uploader's, for display only. */
  public record Scan(long expertId, String fileName, String sha256, byte[] content) {

    /** The name the archive package keeps the scan under, of the expert's id and a whitelisted extension. */
    public String storedName() {
      return "expert-" + expertId + "." + UploadedDocument.safeExtension(fileName, UploadedDocument.SCANS);
    }
  }

  /** The scanned pages with their content, for the archive package. */
  public List<Scan> scanFiles(long sessionId) {
    return jdbc.sql("""
            select expert_id, scan_file_name, scan_sha256, scan_content from expert_pledge
            where session_id = ? and scan_sha256 is not null order by expert_id""")
        .param(sessionId)
        .query((rs, n) -> new Scan(rs.getLong("expert_id"), rs.getString("scan_file_name"), rs.getString("scan_sha256"),
            rs.getBytes("scan_content")))
        .list();
  }

  /** Pledges with a scanned page, by expert id: the scan's SHA-256. */
  public Map<Long, String> scans(long sessionId) {
    Map<Long, String> scans = new HashMap<>();
    jdbc.sql("select expert_id, scan_sha256 from expert_pledge where session_id = ? and scan_sha256 is not null")
        .param(sessionId)
        .query((rs, n) -> scans.put(rs.getLong("expert_id"), rs.getString("scan_sha256")))
        .list();
    return scans;
  }

  public Set<Long> expertsWhoSigned(long sessionId) {
    return new HashSet<>(jdbc.sql("select expert_id from expert_pledge where session_id = ?").param(sessionId)
        .query(Long.class).list());
  }
}
