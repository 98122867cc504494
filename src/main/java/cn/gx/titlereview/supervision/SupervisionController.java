package cn.gx.titlereview.supervision;

import cn.gx.titlereview.library.LibraryHealth;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 监管视图: all sessions against the supervision plan, for the approving unit and administrators. */
@Controller
class SupervisionController {

  private final SupervisionService supervision;
  private final SessionAccess access;
  private final GateResultRepository gateResults;
  private final CurrentUser currentUser;
  private final NextYearNotice nextYearNotice;
  private final Clock clock;
  private final LibraryHealth libraryHealth;
  private final Jurisdiction jurisdiction;
  private final PersonNames names;

  SupervisionController(SupervisionService supervision, SessionAccess access,
      GateResultRepository gateResults, CurrentUser currentUser, NextYearNotice nextYearNotice, Clock clock,
      LibraryHealth libraryHealth, Jurisdiction jurisdiction, PersonNames names) {
    this.names = names;
    this.libraryHealth = libraryHealth;
    this.jurisdiction = jurisdiction;
    this.nextYearNotice = nextYearNotice;
    this.supervision = supervision;
    this.access = access;
    this.gateResults = gateResults;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/supervision")
  public String overview(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String level, @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "1") int page, Model model) {
    currentUser.requireAnyGroup(SupervisionService.SUPERVISORS);
    SupervisionService.Page shown = supervision.page(year, blankToNull(level), blankToNull(unit), page);
    model.addAttribute("rows", shown.rows());
    model.addAttribute("page", shown);
    model.addAttribute("now", clock.instant());
    model.addAttribute("year", year);
    model.addAttribute("level", level);
    model.addAttribute("unit", unit);
    model.addAttribute("levels", ReviewSession.LEVELS);
    model.addAttribute("units", supervision.organisingUnits());
    model.addAttribute("missingNotice", nextYearNotice.check()
        .map(m -> m.only(s -> access.mayRead(s, SupervisionService.SUPERVISORS))).orElse(null));
    model.addAttribute("administrator", currentUser.isIn(Groups.ADMIN));
    return "supervision";
  }

  @GetMapping("/supervision/sessions/{code}")
  public String session(@PathVariable String code, Model model) {
    currentUser.requireAnyGroup(SupervisionService.SUPERVISORS);
    ReviewSession session = access.forGroups(code, SupervisionService.SUPERVISORS);
    model.addAttribute("row", supervision.overview(session));
    model.addAttribute("now", clock.instant());
    List<GateResult> gates = gateResults.history(session.id());
    model.addAttribute("gates", gates);
    model.addAttribute("people", names.book(GateResult.mentions(gates)));
    model.addAttribute("stages", supervision.stageTimes(session));
    // The committee's library as the session's supervisors see it: can it still fill the next panel (docs/library.md).
    Committee committee = jurisdiction.region().committee(session.committeeId());
    model.addAttribute("committeeCode", committee == null ? null : committee.code());
    model.addAttribute("library", committee == null ? null : libraryHealth.report(committee));
    return "supervision-session";
  }

  /** The overview table as .xlsx, with the same filters. */
  @GetMapping("/supervision.xlsx")
  public ResponseEntity<byte[]> overviewSheet(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String level, @RequestParam(required = false) String unit) {
    currentUser.requireAnyGroup(SupervisionService.SUPERVISORS);
    Instant now = clock.instant();
    return Downloads.xlsx("职称评审监管视图", Workbooks.write(Workbooks.Table.of("评审会", List.of("评审会编号", "评委会", "年度", "级别", "组建单位",
        "当前环节", "已停留", "未通过的合规检查", "待整改", "逾期任务", "申报人数", "通过人数", "通过率", "体制内事业单位通过率",
        "企业及其他通过率", "复核问题比例", "信访件", "抽查复核"),
        supervision.overview(year, blankToNull(level), blankToNull(unit)).stream().map(r -> List.<Object>of(
            r.session().code(), r.session().committeeName(), r.session().reviewYear(), r.session().level(),
            r.session().organisingUnit(), r.stage(), r.waited(now),
            String.join("；", r.failingGates().stream().map(GateResult::gateName).toList()),
            String.join("；", r.openRectifications()), r.overdueTasks().size(), r.basics().applicants(),
            text(r.basics().passed()), text(r.basics().passRate()), text(r.basics().passRatePublicInstitutions()),
            text(r.basics().passRateEnterprises()), r.recheckProblemRatio(), r.complaints(), r.spotCheck())).toList())));
  }

  /** One session's gate history as .xlsx. */
  @GetMapping("/supervision/sessions/{code}/gates.xlsx")
  public ResponseEntity<byte[]> gateSheet(@PathVariable String code) {
    currentUser.requireAnyGroup(SupervisionService.SUPERVISORS);
    ReviewSession session = access.forGroups(code, SupervisionService.SUPERVISORS);
    return Downloads.xlsx(code + "-合规检查记录", Workbooks.write(Workbooks.Table.of("合规检查记录",
        List.of("时间", "合规检查", "结果", "经办人", "规则版本", "发现的问题"),
        gateResults.history(session.id()).stream().map(g -> List.<Object>of(g.checkedAtText(),
            g.gateName() == null ? g.gateKey() : g.gateName(), g.passed() ? "通过" : "未通过",
            text(g.checkedBy()), g.ruleVersion(),
            String.join("\n", g.violations().stream().map(v -> v.describe()).toList()))).toList())));
  }

  /** Every open task past its due date, across sessions (催办). */
  @GetMapping("/supervision/overdue.xlsx")
  public ResponseEntity<byte[]> overdueSheet() {
    currentUser.requireAnyGroup(SupervisionService.SUPERVISORS);
    List<List<Object>> rows = supervision.supervised(null, null, null).stream()
        .flatMap(s -> supervision.overdueTasks(s).stream().map(t -> List.<Object>of(s.code(), s.committeeName(),
            t.name(), PlatformConfig.MINUTES.format(t.due()), text(t.assignee()))))
        .toList();
    return Downloads.xlsx("逾期任务", Workbooks.write(Workbooks.Table.of("逾期任务",
        List.of("评审会编号", "评委会", "任务", "期限", "认领人"), rows)));
  }

  private static String text(Object value) {
    return value == null ? "—" : value.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
