package cn.gx.titlereview.training;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.importing.UploadedDocument;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff record which attending experts signed 附件2 on paper; all or nothing. */
@Service
public class ExpertPledgeService {

  static final Column CODE = required("expertCode", "专家编号", "expert.expert_code");
  /** The import's columns, in the order of its .xlsx template (workspace/ImportTemplates). */
  public static final List<Column> COLUMNS = List.of(CODE);

  private final ExpertDrawService drawService;
  private final PledgeRepository pledges;
  private final TableReader reader;
  private final Clock clock;

  public ExpertPledgeService(ExpertDrawService drawService, PledgeRepository pledges, TableReader reader,
      Clock clock) {
    this.drawService = drawService;
    this.pledges = pledges;
    this.reader = reader;
    this.clock = clock;
  }

  @Transactional
  public void attachScan(ReviewSession session, String expertCode, UploadedDocument scan, String user) {
    DrawnExpert expert = drawService.drawn(session.id()).stream()
        .filter(d -> d.attending() && d.expertCode().equals(expertCode)).findFirst()
        .orElseThrow(() -> BusinessException.notFound(expertCode + " 不是评审会 " + session.code() + " 确认出席的评委"));
    pledges.attachScan(session.id(), expert.expertId(), scan, user, clock.instant());
  }

  @Transactional
  public int record(ReviewSession session, ImportFile file, String user) {
    Map<String, DrawnExpert> attending = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .collect(Collectors.toMap(DrawnExpert::expertCode, Function.identity()));
    List<Long> ids = reader.read(file, COLUMNS, row -> {
      String expertCode = row.text(CODE);
      DrawnExpert expert = expertCode == null ? null : attending.get(expertCode);
      if (expertCode != null && expert == null) {
        row.problem(CODE, expertCode + " 不是本评审会确认出席的评委");
      }
      return expert == null ? null : expert.expertId();
    });
    pledges.recordExpertPledges(session.id(), ids, user, clock.instant());
    return ids.size();
  }
}
