package cn.gx.titlereview.draw;

import static cn.gx.titlereview.library.ExpertColumns.CODE;
import static cn.gx.titlereview.library.ExpertColumns.EMPLOYER;
import static cn.gx.titlereview.library.ExpertColumns.NAME;
import static cn.gx.titlereview.library.ExpertColumns.PHONE;
import static cn.gx.titlereview.library.ExpertColumns.SPECIALTY;
import static cn.gx.titlereview.library.ExpertColumns.STATUS;
import static cn.gx.titlereview.library.ExpertColumns.TITLE;

import cn.gx.titlereview.library.ExpertColumns;
import cn.gx.titlereview.library.LibrarySnapshots;
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

/**
 * A session's one-off roster, for a committee that has no library yet (docs/library.md): replaces the session's whole
 * roster from one file, recording its SHA-256 and row count. Where the committee keeps a library, the session draws
 * from it and this import is refused.
 */
@Service
public class RosterImportService {

  public static final String KIND = "roster";

  public static final List<Column> COLUMNS = ExpertColumns.ROSTER;

  private final TableReader reader;
  private final RosterRepository roster;
  private final DrawRepository draws;
  private final ImportBatchRepository batches;
  private final LibrarySnapshots libraries;
  private final Clock clock;

  public RosterImportService(TableReader reader, RosterRepository roster, DrawRepository draws,
      ImportBatchRepository batches, LibrarySnapshots libraries, Clock clock) {
    this.reader = reader;
    this.roster = roster;
    this.draws = draws;
    this.batches = batches;
    this.libraries = libraries;
    this.clock = clock;
  }

  /** One row of the roster, checked as it is read. */
  public static Expert expert(ImportRow row) {
    return new Expert(0, row.text(CODE), row.text(NAME), row.text(EMPLOYER), row.text(SPECIALTY), row.text(TITLE),
        row.text(PHONE), row.oneOf(STATUS, Expert.STATUSES), ExpertColumns.email(row));
  }

  @Transactional
  public int replace(ReviewSession session, ImportFile file, String user) {
    if (draws.find(session.id()).isPresent()) {
      throw BusinessException.conflict("评审会 " + session.code() + " 已完成专家抽取，名册不能再替换");
    }
    libraries.current(session.committeeId()).ifPresent(v -> {
      throw BusinessException.conflict("评委会“" + session.committeeName() + "”已建专家库（现为第 " + v.version()
          + " 版，" + v.expertCount() + " 人），评审会在名册检查时从专家库整库抽取，不再单独导入名册；如需变更，请在专家库中导入或修改");
    });
    List<Expert> experts = reader.read(file, COLUMNS, CODE, RosterImportService::expert);
    roster.replaceAll(session.id(), experts);
    batches.record(session.id(), KIND, file, experts.size(), user, clock.instant());
    return experts.size();
  }
}
