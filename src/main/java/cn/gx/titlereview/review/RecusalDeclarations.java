package cn.gx.titlereview.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 回避申报: for each drawn expert of a review group, his own declaration (本人声明, through his one-time link, with the
 * number of conflicts he declared — none is a declaration too) or staff's recorded reason why there is none from him
 * (工作人员说明). The conflicts themselves are rows of {@code recusal}.
 */
@Repository
public class RecusalDeclarations {

  public static final String BY_EXPERT = "本人声明";
  public static final String STAFF_REASON = "工作人员说明";

  public record Declaration(long expertId, String expertCode, String source, int conflicts, String note,
      String linkId, Instant declaredAt, String recordedBy) {

    public boolean byExpert() {
      return BY_EXPERT.equals(source);
    }

    /** As the record and the staff's page say it. */
    public String describe() {
      return byExpert()
          ? "本人通过链接申报" + (conflicts == 0 ? "无须回避的情形" : "须回避 " + conflicts + " 项")
          : "未由本人申报，工作人员说明：" + note + "（" + recordedBy + " 登记）";
    }
  }

  private final JdbcClient jdbc;

  public RecusalDeclarations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void put(long sessionId, long expertId, String source, int conflicts, String note, String linkId, Instant at,
      String user) {
    jdbc.sql("delete from recusal_declaration where session_id = ? and expert_id = ?").params(sessionId, expertId)
        .update();
    jdbc.sql("""
            insert into recusal_declaration (session_id, expert_id, source, conflicts, note, link_id, declared_at,
                                             recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(sessionId, expertId, source, conflicts, note, linkId, Timestamp.from(at), user)
        .update();
  }

  /** Every declaration of the session, by expert id. */
  public Map<Long, Declaration> bySession(long sessionId) {
    Map<Long, Declaration> declarations = new LinkedHashMap<>();
    jdbc.sql("""
            select d.*, e.expert_code from recusal_declaration d join expert e on e.id = d.expert_id
            where d.session_id = ? order by e.expert_code""")
        .param(sessionId)
        .query((rs, n) -> declarations.put(rs.getLong("expert_id"), new Declaration(rs.getLong("expert_id"),
            rs.getString("expert_code"), rs.getString("source"), rs.getInt("conflicts"), rs.getString("note"),
            rs.getString("link_id"), rs.getTimestamp("declared_at").toInstant(), rs.getString("recorded_by"))))
        .list();
    return declarations;
  }
}
