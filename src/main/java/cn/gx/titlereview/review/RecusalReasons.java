package cn.gx.titlereview.review;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回避申报 the expert did not make himself: staff record why (he declared on paper at the venue, could not be
 * reached...), so that the review gate can tell an explained gap from a missing declaration. An expert's own
 * declaration is never overwritten.
 */
@Service
public class RecusalReasons {

  static final Column EXPERT = required("expertCode", "专家编号", "expert.expert_code");
  static final Column REASON = required("note", "未由本人申报的原因", "recusal_declaration.note");
  /** The import's columns, in the order of its .xlsx template. */
  public static final List<Column> COLUMNS = List.of(EXPERT, REASON);

  record Reason(DrawnExpert expert, String note) {
  }

  private final RecusalDeclarations declarations;
  private final ExpertDrawService drawService;
  private final TableReader reader;
  private final Clock clock;

  public RecusalReasons(RecusalDeclarations declarations, ExpertDrawService drawService, TableReader reader,
      Clock clock) {
    this.declarations = declarations;
    this.drawService = drawService;
    this.reader = reader;
    this.clock = clock;
  }

  /** 专家编号 and the reason, for attending experts without a declaration of their own; all or nothing. */
  @Transactional
  public int record(ReviewSession session, ImportFile file, String user) {
    Map<String, DrawnExpert> attending = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .collect(Collectors.toMap(DrawnExpert::expertCode, Function.identity()));
    Map<Long, RecusalDeclarations.Declaration> declared = declarations.bySession(session.id());
    List<Reason> rows = reader.read(file, COLUMNS, EXPERT, row -> {
      String code = row.text(EXPERT);
      DrawnExpert expert = code == null ? null : attending.get(code);
      if (code != null && expert == null) {
        row.problem(EXPERT, code + " 不是本评审会确认出席的评委");
      } else if (expert != null && declared.containsKey(expert.expertId())
          && declared.get(expert.expertId()).byExpert()) {
        row.problem(EXPERT, code + " 已由本人通过链接申报，无须说明");
      }
      return new Reason(expert, row.text(REASON));
    });
    Instant now = clock.instant();
    rows.forEach(r -> declarations.put(session.id(), r.expert().expertId(), RecusalDeclarations.STAFF_REASON, 0,
        r.note(), null, now, user));
    return rows.size();
  }
}
