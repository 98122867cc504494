package cn.gx.titlereview.workspace;

import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.ApplicantImportService;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.RecusalService;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.training.ExpertPledgeService;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The .xlsx template of each list the 数据工作台 takes: the exact headers of the import (its {@link Column}s, so the
 * two cannot drift apart), a sample row, and a sheet 填写说明 saying what each column takes.
 */
@RestController
class ImportTemplates {

  /** One list: its file name and sheet, the import's columns, a sample value and a note per column key. */
  record Template(String title, List<Column> columns, Map<String, String> sample) {
  }

  /** What a column takes, where its header does not say it all. */
  static final Map<String, String> NOTES = Map.ofEntries(
      Map.entry("employerType", "体制内事业单位 / 企业及其他"),
      Map.entry("level", "正高 / 副高 / 中级 / 初级"),
      Map.entry("eligibility", "通过 / 不通过；不通过须填写不通过原因"),
      Map.entry("status", "在库 / 暂停"),
      Map.entry("email", "可空；填写的，抽取通知同时以电子邮件发送"),
      Map.entry("accepted", "是 / 否；否 须填写不出席原因"),
      Map.entry("notifiedAt", "例：2026-12-02 09:00；不填则为导入时间"),
      Map.entry("present", "是 / 否"),
      Map.entry("category", "同单位 / 近亲属 / 师生关系 / 合作者 / 其他利害关系"),
      Map.entry("source", "本人声明 / 工作人员发现"),
      Map.entry("votersPresent", "出席本次表决的评委人数"),
      Map.entry("yes", "赞成票数；赞成、反对、弃权之和不超过出席人数"),
      Map.entry("startedAt", "例：2026-12-05 09:00"),
      Map.entry("endedAt", "例：2026-12-05 17:00"),
      Map.entry("problem", "是 / 否；是 须填写问题说明"));

  static final Map<String, Template> TEMPLATES = Map.of(
      "applicants", new Template("申报人员名单", ApplicantImportService.COLUMNS, Map.of("applicantNo", "SB0001",
          "name", "李强", "employer", "广西大学", "employerType", "体制内事业单位", "level", "正高", "series", "工程",
          "specialty", "土木工程", "eligibility", "通过")),
      "roster", new Template("评委名册", RosterImportService.COLUMNS, Map.of("expertCode", "ZJ000001",
          "name", "王建国", "employer", "广西建工集团有限责任公司", "specialty", "土木工程", "title", "正高级工程师",
          "phone", "13800000000", "status", "在库")),
      "responses", new Template("评委通知及出席情况", ExpertDrawService.RESPONSE_COLUMNS, Map.of(
          "expertCode", "ZJ000001", "accepted", "是", "notifiedAt", "2026-12-02 09:00")),
      "expert-pledges", new Template("已签署工作守则的评委", ExpertPledgeService.COLUMNS, Map.of("expertCode", "ZJ000001")),
      "attendance", new Template("评委出席情况", AttendanceService.COLUMNS, Map.of("expertCode", "ZJ000001",
          "present", "是")),
      "recusals", new Template("回避", RecusalService.COLUMNS, Map.of("applicantNo", "SB0001",
          "expertCode", "ZJ000005", "category", "同单位", "source", "本人声明", "note", "与申报人同在广西大学")),
      "votes", new Template("集体表决结果", ReviewService.VOTE_COLUMNS, Map.of("applicantNo", "SB0001",
          "votersPresent", "25", "yes", "20", "no", "3", "abstain", "2")),
      "review-times", new Template("评审时间", ReviewTimes.COLUMNS, Map.of("groupName", "土木工程",
          "startedAt", "2026-12-05 09:00", "endedAt", "2026-12-05 17:00")),
      "rechecks", new Template("复核结果", RecheckService.COLUMNS, Map.of("applicantNo", "SB0001", "problem", "否")));

  private final CurrentUser currentUser;

  ImportTemplates(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @GetMapping("/workspace/templates/{kind}.xlsx")
  public ResponseEntity<byte[]> template(@PathVariable String kind) {
    currentUser.requireAnyGroup(Groups.STAFF, Groups.SUPERVISOR);
    Template t = TEMPLATES.get(kind);
    if (t == null) {
      throw BusinessException.notFound("没有名为 " + kind + " 的模板");
    }
    List<String> headers = t.columns().stream().map(Column::header).toList();
    List<Object> sample = t.columns().stream().<Object>map(c -> t.sample().getOrDefault(c.key(), "")).toList();
    List<List<Object>> notes = t.columns().stream().<List<Object>>map(c -> List.of(c.header(),
        c.required() ? "必填" : "可空", NOTES.getOrDefault(c.key(), ""))).toList();
    return Downloads.xlsx(t.title() + "模板", Workbooks.write(Workbooks.Table.of(t.title(), headers, List.of(sample)),
        new Workbooks.Table("填写说明", List.of("列", "是否必填", "说明"), new int[] {16, 10, 48}, notes)));
  }
}
