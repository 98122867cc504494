package cn.gx.titlereview.expert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 联系记录: every attempt to reach a drawn expert and its outcome, every visit of his link, every answer, and every
 * refused link that named him. It answers 附件1 一、2 (通知评委) and 一、8 (记录不出席) with evidence. Addresses are
 * kept masked; a message's text only where the demo outbox stands in for a gateway.
 */
@Repository
public class ContactLog {

  public enum Channel {
    SMS("短信"), EMAIL("电子邮件"), OUTBOX("演示发件箱"), PHONE("电话"), LINK("链接"), STAFF("工作人员登记");

    private final String title;

    Channel(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  public enum Outcome {
    SENT("已发送"), FAILED("发送失败"), NOT_SENT("未发送"), TO_CALL("待电话通知"), REACHED("已接通"),
    NOT_REACHED("未接通"), OPENED("已打开"), ANSWERED("已答复"), REFUSED("已拒绝"), REVOKED("已停用");

    private final String title;

    Outcome(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** One entry, as the API and the pages show it. */
  public record Entry(long id, String expertCode, Channel channel, String channelName, Outcome outcome,
      String outcomeName, String purpose, Instant at, String detail, String messageText, String recordedBy,
      String linkId) {
  }

  private final JdbcClient jdbc;

  ContactLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(long sessionId, long expertId, ExpertLink link, Channel channel, Outcome outcome, String detail,
      String messageText, String user, Instant at) {
    jdbc.sql("""
            insert into expert_contact (session_id, expert_id, link_id, purpose, channel, outcome, detail, message_text,
                                        contacted_at, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, expertId, link == null ? null : link.id(), link == null ? null : link.purpose().name(),
            channel.name(), outcome.name(), clip(detail, 500), clip(messageText, 2000), Timestamp.from(at), user)
        .update();
  }

  /**
   * Whether the session's experts were contacted through the system at all: a session drawn before the experts'
   * links (V45) has no entry, and its record keeps the wording its signatures were made on.
   */
  public boolean used(long sessionId) {
    return jdbc.sql("select count(*) from expert_contact where session_id = ?").param(sessionId).query(Long.class)
        .single() > 0;
  }

  /** Every entry of the session, oldest first. */
  public List<Entry> entries(long sessionId) {
    return jdbc.sql("""
            select c.*, e.expert_code from expert_contact c join expert e on e.id = c.expert_id
            where c.session_id = ? order by c.contacted_at, c.id""")
        .param(sessionId)
        .query((rs, n) -> {
          Channel channel = Channel.valueOf(rs.getString("channel"));
          Outcome outcome = Outcome.valueOf(rs.getString("outcome"));
          String purpose = rs.getString("purpose");
          return new Entry(rs.getLong("id"), rs.getString("expert_code"), channel, channel.title(), outcome,
              outcome.title(), purpose == null ? null : LinkPurpose.valueOf(purpose).title(),
              rs.getTimestamp("contacted_at").toInstant(), rs.getString("detail"), rs.getString("message_text"),
              rs.getString("recorded_by"), rs.getString("link_id"));
        })
        .list();
  }

  /**
   * How many draw notices (出席确认) each channel delivered, and how many telephone calls reached an expert: the
   * record's evidence for 附件1 一、2.
   */
  public Map<Channel, Integer> delivered(long sessionId) {
    Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
    jdbc.sql("""
            select channel, count(*) from expert_contact
            where session_id = ? and (outcome = ? and purpose = ? or outcome = ?)
            group by channel""")
        .params(sessionId, Outcome.SENT.name(), LinkPurpose.ATTEND.name(), Outcome.REACHED.name())
        .query((rs, n) -> counts.put(Channel.valueOf(rs.getString(1)), rs.getInt(2)))
        .list();
    return counts;
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
