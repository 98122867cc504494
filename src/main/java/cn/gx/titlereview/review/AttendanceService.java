package cn.gx.titlereview.review;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attendance per expert at the training (TRAINING) and at the review and vote (REVIEW), replaced per event. */
@Service
public class AttendanceService {

  public static final String TRAINING = "TRAINING";
  public static final String REVIEW = "REVIEW";

  static final Column CODE = required("expertCode", "专家编号", "expert.expert_code");
  static final Column PRESENT = required("present", "是否出席");
  /** The import's columns, in the order of its .xlsx template (workspace/ImportTemplates). */
  public static final List<Column> COLUMNS = List.of(CODE, PRESENT);

  record Row(DrawnExpert expert, boolean present) {
  }

  private final JdbcClient jdbc;
  private final ExpertDrawService drawService;
  private final TableReader reader;
  private final Clock clock;

  public AttendanceService(JdbcClient jdbc, ExpertDrawService drawService, TableReader reader, Clock clock) {
    this.jdbc = jdbc;
    this.drawService = drawService;
    this.reader = reader;
    this.clock = clock;
  }

  @Transactional
  public int record(ReviewSession session, String event, ImportFile file, String user) {
    if (!TRAINING.equals(event) && !REVIEW.equals(event)) {
      throw BusinessException.badRequest("event 应为 TRAINING（评前培训）或 REVIEW（评审与表决）");
    }
    Map<String, DrawnExpert> members = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .collect(Collectors.toMap(DrawnExpert::expertCode, Function.identity()));
    List<Row> rows = reader.read(file, COLUMNS, CODE, row -> {
      String code = row.text(CODE);
      if (code != null && !members.containsKey(code)) {
        row.problem(CODE, code + " 不是本评审会的评委");
      }
      return new Row(members.get(code), Boolean.TRUE.equals(row.bool(PRESENT)));
    });
    jdbc.sql("delete from expert_attendance where session_id = ? and event = ?").params(session.id(), event).update();
    rows.forEach(r -> jdbc.sql("""
            insert into expert_attendance (session_id, expert_id, event, present, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(session.id(), r.expert().expertId(), event, r.present(), user, Timestamp.from(clock.instant()))
        .update());
    return rows.size();
  }

  /** Attendance of one event by expert id: present or not; experts without a record are missing. */
  public Map<Long, Boolean> attendance(long sessionId, String event) {
    Map<Long, Boolean> attendance = new HashMap<>();
    jdbc.sql("select expert_id, present from expert_attendance where session_id = ? and event = ?")
        .params(sessionId, event)
        .query((rs, n) -> attendance.put(rs.getLong("expert_id"), rs.getBoolean("present")))
        .list();
    return attendance;
  }

  public int presentCount(long sessionId, String event) {
    return (int) attendance(sessionId, event).values().stream().filter(Boolean::booleanValue).count();
  }
}
