package cn.gx.titlereview.draw;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.ImportRow;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Replaces the committee's whole expert roster from one file, recording its SHA-256 and row count. */
@Service
public class RosterImportService {

  public static final String KIND = "roster";

  static final Column CODE = required("expertCode", "专家编号", "expert.expert_code");
  static final Column NAME = required("name", "姓名", "expert.name");
  static final Column EMPLOYER = required("employer", "工作单位", "expert.employer");
  static final Column SPECIALTY = required("specialty", "专业", "expert.specialty");
  static final Column TITLE = required("title", "职称", "expert.title");
  static final Column PHONE = required("phone", "电话", "expert.phone");
  static final Column STATUS = required("status", "状态", "expert.status");
  /** Optional: the draw notice goes by e-mail too where an address is given (docs/experts.md). */
  static final Column EMAIL = optional("email", "电子邮箱", "expert.email");
  public static final List<Column> COLUMNS = List.of(CODE, NAME, EMPLOYER, SPECIALTY, TITLE, PHONE, STATUS, EMAIL);

  private final TableReader reader;
  private final RosterRepository roster;
  private final DrawRepository draws;
  private final ImportBatchRepository batches;
  private final Clock clock;

  public RosterImportService(TableReader reader, RosterRepository roster, DrawRepository draws,
      ImportBatchRepository batches, Clock clock) {
    this.reader = reader;
    this.roster = roster;
    this.draws = draws;
    this.batches = batches;
    this.clock = clock;
  }

  /** One row of the roster, checked as it is read. */
  public static Expert expert(ImportRow row) {
    return new Expert(0, row.text(CODE), row.text(NAME), row.text(EMPLOYER), row.text(SPECIALTY), row.text(TITLE),
        row.text(PHONE), row.oneOf(STATUS, Expert.STATUSES), email(row));
  }

  private static String email(ImportRow row) {
    String email = row.text(EMAIL);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      row.problem(EMAIL, "“" + email + "”不是电子邮箱地址");
    }
    return email;
  }

  @Transactional
  public int replace(ReviewSession session, ImportFile file, String user) {
    if (draws.find(session.id()).isPresent()) {
      throw BusinessException.conflict("评审会 " + session.code() + " 已完成专家抽取，名册不能再替换");
    }
    List<Expert> experts = reader.read(file, COLUMNS, CODE, RosterImportService::expert);
    roster.replaceAll(session.id(), experts);
    batches.record(session.id(), KIND, file, experts.size(), user, clock.instant());
    return experts.size();
  }
}
