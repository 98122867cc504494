package cn.gx.titlereview.workspace;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.VoteAmendment;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a 数据工作台 section holds now, as a table a clerk can page through and search: the lists under the headers
 * the templates use, read from our tables. Lists are bounded by the import limits, so paging and search run over
 * the whole list in memory.
 */
@Component
public class SectionContents {

  /** One page of a section's list: its headers, the rows of the page, how many rows match and how many there are. */
  public record Page(List<String> headers, List<List<String>> rows, int matching, int total, int page, int pages) {

    /** How many rows come before this page, for numbering its rows. */
    public int offset() {
      return (page - 1) * PAGE_SIZE;
    }
  }

  /** A list: its headers, the query (one parameter, the session id), and which columns (from 0) hold an account. */
  record Listing(List<String> headers, String sql, Set<Integer> userColumns) {
  }

  static final int PAGE_SIZE = 50;

  private static final Map<WorkspaceSection, Listing> LISTINGS = Map.ofEntries(
      Map.entry(WorkspaceSection.APPLICANTS, new Listing(
          List.of("申报编号", "姓名", "工作单位", "单位性质", "申报级别", "申报系列", "申报专业", "资格审查结果", "不通过原因"),
          """
          select applicant_no, name, employer, employer_type, level, series, specialty, eligibility,
                 eligibility_reason
          from applicant where session_id = ? order by applicant_no""", Set.of())),
      Map.entry(WorkspaceSection.ROSTER, new Listing(
          List.of("评委编号", "姓名", "工作单位", "专业", "职称", "联系电话", "状态"),
          """
          select expert_code, name, employer, specialty, title, phone_masked, status
          from session_expert where session_id = ? order by expert_code""", Set.of())),
      Map.entry(WorkspaceSection.DRAW, new Listing(
          List.of("抽取顺序", "身份", "评委编号", "姓名", "工作单位", "专业", "通知结果", "不出席原因", "通知时间", "登记人"),
          """
          select d.draw_order, case d.role when '%s' then '评委' else '备选' end, e.expert_code, e.name, e.employer,
                 e.specialty, case d.response when '%s' then '出席' when '%s' then '不出席' else '未登记' end,
                 d.decline_reason, d.notified_at,
                 case d.response_source when '%s' then '本人（链接答复）' else d.notified_by end
          from drawn_expert d join expert e on e.id = d.expert_id where d.session_id = ? order by d.draw_order"""
              .formatted(DrawnExpert.MEMBER, DrawnExpert.ACCEPTED, DrawnExpert.DECLINED, DrawnExpert.BY_EXPERT),
          Set.of(9))),
      Map.entry(WorkspaceSection.ATTENDANCE, new Listing(
          List.of("评委编号", "姓名", "场次", "是否出席", "登记人", "登记时间"),
          """
          select e.expert_code, e.name, case a.event when '%s' then '培训' else '评审会议' end, a.present,
                 a.recorded_by, a.recorded_at
          from expert_attendance a join expert e on e.id = a.expert_id where a.session_id = ?
          order by a.event desc, e.expert_code""".formatted(AttendanceService.TRAINING), Set.of(4))),
      Map.entry(WorkspaceSection.EXPERT_PLEDGES, new Listing(
          List.of("评委编号", "姓名", "登记人", "登记时间"),
          """
          select e.expert_code, e.name, p.recorded_by, p.recorded_at
          from expert_pledge p join expert e on e.id = p.expert_id where p.session_id = ? order by e.expert_code""",
          Set.of(2))),
      Map.entry(WorkspaceSection.REVIEW_GROUPS, new Listing(
          List.of("评议组", "评委人数", "申报人数"),
          """
          select g.name, (select count(*) from review_group_member m where m.group_id = g.id),
                 (select count(*) from applicant_assignment a where a.group_id = g.id)
          from review_group g where g.session_id = ? order by g.name""", Set.of())),
      Map.entry(WorkspaceSection.RECUSALS, new Listing(
          List.of("申报编号", "申报人", "评委编号", "评委", "回避情形", "来源", "说明", "登记人", "登记时间"),
          """
          select a.applicant_no, a.name, e.expert_code, e.name, r.category, r.source, r.note, r.recorded_by,
                 r.recorded_at
          from recusal r join applicant a on a.id = r.applicant_id join expert e on e.id = r.expert_id
          where r.session_id = ? order by a.applicant_no, e.expert_code""", Set.of(7))),
      Map.entry(WorkspaceSection.VOTES, new Listing(
          List.of("申报编号", "姓名", "出席评委", "赞成", "反对", "弃权", "是否通过", "登记人", "登记时间"),
          """
          select a.applicant_no, a.name, v.voters_present, v.yes_votes, v.no_votes, v.abstain_votes, v.passed,
                 v.recorded_by, v.recorded_at
          from vote_result v join applicant a on a.id = v.applicant_id where a.session_id = ?
          order by a.applicant_no""", Set.of(7))),
      Map.entry(WorkspaceSection.REVIEW_TIMES, new Listing(
          List.of("评议组", "开始时间", "结束时间", "登记人", "登记时间"),
          """
          select group_name, started_at, ended_at, recorded_by, recorded_at
          from review_group_time where session_id = ? order by group_name""", Set.of(3))),
      Map.entry(WorkspaceSection.RECHECKS, new Listing(
          List.of("申报编号", "姓名", "复核轮次", "是否有问题", "问题说明", "复核人", "复核时间", "处理结果"),
          """
          select a.applicant_no, a.name, f.round, f.problem, f.note, f.recorded_by, f.recorded_at,
                 case f.disposition when '%s' then '撤销通过' when '%s' then '更正后维持' end
          from recheck_finding f join applicant a on a.id = f.applicant_id where a.session_id = ?
          order by a.applicant_no, f.round""".formatted(RecheckFinding.REVOKED, RecheckFinding.CONFIRMED), Set.of(5))),
      Map.entry(WorkspaceSection.VOTE_AMENDMENTS, new Listing(
          List.of("编号", "申报编号", "姓名", "出席评委", "赞成", "反对", "弃权", "理由", "提出人", "提出时间", "审批结果",
              "审批人", "审批意见"),
          """
          select m.id, a.applicant_no, a.name, m.voters_present, m.yes_votes, m.no_votes, m.abstain_votes, m.reason,
                 m.proposed_by, m.proposed_at,
                 case m.status when '%s' then '已批准' when '%s' then '已驳回' else '待监督员审批' end,
                 m.decided_by, m.decision_note
          from vote_amendment m join applicant a on a.id = m.applicant_id where m.session_id = ? order by m.id"""
              .formatted(VoteAmendment.APPROVED, VoteAmendment.REJECTED), Set.of(8, 11))),
      Map.entry(WorkspaceSection.COMPLAINTS, new Listing(
          List.of("编号", "公示轮次", "来源渠道", "涉及申报编号", "内容", "登记人", "收到时间", "是否属实", "核实情况", "处理"),
          """
          select id, round, channel, applicant_no, content, received_by, received_at, substantiated, finding, action
          from complaint where session_id = ? order by id""", Set.of(5))),
      Map.entry(WorkspaceSection.ARCHIVE, new Listing(
          List.of("归档项目", "文件名", "大小（字节）", "校验码（SHA-256）", "上传人", "上传时间"),
          """
          select case item %s end, file_name, size_bytes, sha256, uploaded_by, uploaded_at
          from archive_file where session_id = ? order by item, id""".formatted(Arrays.stream(ArchiveItem.values())
              .map(i -> "when '" + i.name() + "' then '" + i.title() + "'").collect(Collectors.joining(" "))),
          Set.of(4))));

  private final JdbcClient jdbc;
  private final PersonNames names;

  public SectionContents(JdbcClient jdbc, PersonNames names) {
    this.jdbc = jdbc;
    this.names = names;
  }

  /** Whether the section has a list to show. */
  public static boolean lists(WorkspaceSection section) {
    return LISTINGS.containsKey(section);
  }

  /** Every row of the section's list, as text. */
  public Optional<Page> all(long sessionId, WorkspaceSection section) {
    return Optional.ofNullable(LISTINGS.get(section)).map(listing -> {
      List<List<String>> rows = rows(sessionId, listing);
      return new Page(listing.headers(), rows, rows.size(), rows.size(), 1, 1);
    });
  }

  /** One page (from 1) of the rows that contain the search text in any column. */
  public Optional<Page> page(long sessionId, WorkspaceSection section, String search, int page) {
    return all(sessionId, section).map(all -> {
      String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
      List<List<String>> matching = needle.isEmpty() ? all.rows() : all.rows().stream()
          .filter(row -> row.stream().anyMatch(cell -> cell.toLowerCase(Locale.ROOT).contains(needle))).toList();
      int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
      int shown = Math.min(Math.max(1, page), pages);
      return new Page(all.headers(), matching.subList((shown - 1) * PAGE_SIZE,
          Math.min(matching.size(), shown * PAGE_SIZE)), matching.size(), all.total(), shown, pages);
    });
  }

  private List<List<String>> rows(long sessionId, Listing listing) {
    return jdbc.sql(listing.sql()).param(sessionId).query((rs, n) -> {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> row = new ArrayList<>(meta.getColumnCount());
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        Object value = rs.getObject(c);
        row.add(listing.userColumns().contains(c - 1) && value != null ? names.label(value.toString())
            : text(value));
      }
      return row;
    }).list();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (value instanceof Timestamp t) {
      return PlatformConfig.MINUTES.format(t.toInstant());
    }
    return value.toString();
  }
}
