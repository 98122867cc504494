package cn.gx.titlereview.review;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回避: experts declare conflicts with applicants, and staff record those they find. A recused expert neither reads
 * nor votes on that applicant: the plan leaves them out, the gate checks it, and the vote counts them out of the
 * eligible voters. The categories are a setting ({@code titlereview.recusal.categories}).
 */
@Service
public class RecusalService {

  public static final List<String> SOURCES = List.of("本人声明", "工作人员发现");

  static final Column APPLICANT = required("applicantNo", "申报编号", "applicant.applicant_no");
  static final Column EXPERT = required("expertCode", "专家编号", "expert.expert_code");
  static final Column CATEGORY = required("category", "回避情形", "recusal.category");
  static final Column SOURCE = required("source", "来源", "recusal.source");
  static final Column NOTE = optional("note", "说明", "recusal.note");
  /** The import's columns, in the order of its .xlsx template (workspace/ImportTemplates). */
  public static final List<Column> COLUMNS = List.of(APPLICANT, EXPERT, CATEGORY, SOURCE, NOTE);

  record Row(Applicant applicant, DrawnExpert expert, String category, String source, String note) {
  }

  private final RecusalRepository recusals;
  private final ApplicantRepository applicants;
  private final ExpertDrawService drawService;
  private final TableReader reader;
  private final Clock clock;
  private final List<String> categories;

  public RecusalService(RecusalRepository recusals, ApplicantRepository applicants, ExpertDrawService drawService,
      TableReader reader, Clock clock,
      @Value("${titlereview.recusal.categories:同单位,近亲属,师生关系,合作者,其他利害关系}") List<String> categories) {
    this.recusals = recusals;
    this.applicants = applicants;
    this.drawService = drawService;
    this.reader = reader;
    this.clock = clock;
    this.categories = List.copyOf(categories);
  }

  @Transactional
  public int record(ReviewSession session, ImportFile file, String user) {
    Map<String, Applicant> byNo = applicants.list(session.id()).stream()
        .collect(Collectors.toMap(Applicant::applicantNo, Function.identity()));
    Map<String, DrawnExpert> attending = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .collect(Collectors.toMap(DrawnExpert::expertCode, Function.identity()));
    List<Row> rows = reader.read(file, COLUMNS, row -> {
      String no = row.text(APPLICANT);
      String code = row.text(EXPERT);
      if (no != null && !byNo.containsKey(no)) {
        row.problem(APPLICANT, no + " 不是本评审会的申报人");
      }
      if (code != null && !attending.containsKey(code)) {
        row.problem(EXPERT, code + " 不是本评审会确认出席的评委");
      }
      return new Row(byNo.get(no), attending.get(code), row.oneOf(CATEGORY, categories), row.oneOf(SOURCE, SOURCES),
          row.text(NOTE));
    });
    rows.forEach(r -> recusals.add(session.id(), r.applicant().id(), r.expert().expertId(), r.category(), r.source(),
        r.note(), user, clock.instant()));
    return rows.size();
  }
}
