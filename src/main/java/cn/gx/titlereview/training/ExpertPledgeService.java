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

/**
 * 附件2: staff record which attending experts signed on paper (all or nothing), or the expert confirms it himself
 * through his link.
 */
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

  /**
   * The expert confirms 附件2 through his link, typing his name as the roster has it: the text's SHA-256 (as he was
   * shown it), the time, the link and the address it came from are kept.
   */
  @Transactional
  public void confirmOnline(ReviewSession session, long expertId, ExpertPledgeText.Text text, String typedName,
      String linkId, String clientAddress) {
    DrawnExpert expert = drawService.drawn(session.id()).stream()
        .filter(d -> d.attending() && d.expertId() == expertId).findFirst()
        .orElseThrow(() -> BusinessException.conflict("您尚未确认出席本次评审，不需确认工作守则"));
    String typed = typedName == null ? "" : typedName.replaceAll("\\s", "");
    if (typed.isEmpty()) {
      throw BusinessException.badRequest("请填写您的姓名");
    }
    if (!typed.equals(expert.name().replaceAll("\\s", ""))) {
      throw BusinessException.badRequest("所填姓名与评委名册中的姓名不一致，请填写本人姓名");
    }
    pledges.confirmOnline(session.id(), expertId, text.sha256(), typed, linkId, clientAddress, clock.instant());
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
