package cn.gx.titlereview.review;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /** One conflict an expert declares: a category of the setting, and what it is where the category needs words. */
  public record Conflict(String category, String note) {
  }

  private final RecusalRepository recusals;
  private final RecusalDeclarations declarations;
  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;
  private final ExpertDrawService drawService;
  private final TableReader reader;
  private final Clock clock;
  private final List<String> categories;

  public RecusalService(RecusalRepository recusals, RecusalDeclarations declarations,
      ApplicantRepository applicants, ReviewRepository reviews, ExpertDrawService drawService, TableReader reader,
      Clock clock, ReviewRules rules) {
    this.recusals = recusals;
    this.declarations = declarations;
    this.applicants = applicants;
    this.reviews = reviews;
    this.drawService = drawService;
    this.reader = reader;
    this.clock = clock;
    this.categories = rules.recusal().categories();
  }

  public List<String> categories() {
    return categories;
  }

  /**
   * Whom the expert is to review: the eligible applicants of every review group he is a member of, in the order of
   * their numbers. Empty before the groups are formed.
   */
  public List<Applicant> applicantsToDeclare(ReviewSession session, long expertId) {
    Set<String> hisGroups = reviews.groups(session.id()).stream().filter(g -> g.memberIds().contains(expertId))
        .map(ReviewRepository.ReviewGroup::name).collect(Collectors.toSet());
    Map<Long, ReviewRepository.Assignment> assignments = reviews.assignments(session.id());
    return applicants.list(session.id()).stream().filter(Applicant::eligible)
        .filter(a -> assignments.containsKey(a.id()) && hisGroups.contains(assignments.get(a.id()).groupName()))
        .sorted(Comparator.comparing(Applicant::applicantNo)).toList();
  }

  /**
   * The expert's own declaration through his link (附件2 七): his conflicts, by applicant id, each a recusal of the
   * source 本人声明; none at all is a declaration too. All or nothing; refused if he declared already.
   */
  @Transactional
  public void declareForHimself(ReviewSession session, long expertId, Map<Long, Conflict> conflicts, String linkId,
      Instant at) {
    RecusalDeclarations.Declaration earlier = declarations.bySession(session.id()).get(expertId);
    if (earlier != null && earlier.byExpert()) {
      throw BusinessException.conflict("已申报过，不能重复申报");
    }
    Set<Long> his = applicantsToDeclare(session, expertId).stream().map(Applicant::id).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    conflicts.forEach((applicantId, c) -> {
      if (!his.contains(applicantId)) {
        problems.add("所选申报人不在您审阅的名单中");
      } else if (!categories.contains(c.category())) {
        problems.add("回避情形须为：" + String.join(" / ", categories));
      } else if (c.note() != null && c.note().length() > 500) {
        problems.add("说明不能超过 500 字");
      }
    });
    if (!problems.isEmpty()) {
      throw BusinessException.badRequest(String.join("；", problems.stream().distinct().toList()));
    }
    conflicts.forEach((applicantId, c) -> recusals.add(session.id(), applicantId, expertId, c.category(),
        SOURCES.get(0), c.note() == null || c.note().isBlank() ? null : c.note().strip(), null, at,
        RecusalRepository.VIA_LINK));
    declarations.put(session.id(), expertId, RecusalDeclarations.BY_EXPERT, conflicts.size(), null, linkId, at, null);
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
        r.note(), user, clock.instant(), null));
    return rows.size();
  }
}
