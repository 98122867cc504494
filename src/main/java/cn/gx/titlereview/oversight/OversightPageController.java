package cn.gx.titlereview.oversight;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 监管统计 pages: the region's view of a year (charts, then the annual report with links to its sessions), its
 * report as .docx, PDF and .xlsx, and a committee's file with its downloads. Everything within the caller's
 * jurisdiction.
 */
@Controller
class OversightPageController {

  /** How many years the pass-rate-by-year chart shows. */
  static final int CHART_YEARS = 10;

  private final OversightScope scope;
  private final AnnualReport report;
  private final CommitteeFile committeeFile;
  private final CommitteeYears committeeYears;
  private final DocumentFormats formats;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  OversightPageController(OversightScope scope, AnnualReport report, CommitteeFile committeeFile,
      CommitteeYears committeeYears, DocumentFormats formats, Jurisdiction jurisdiction,
      Clock clock) {
    this.scope = scope;
    this.report = report;
    this.committeeFile = committeeFile;
    this.committeeYears = committeeYears;
        this.formats = formats;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  /** A flagged committee as the page lists it, with whether the caller may act on it. */
  record Flagged(String code, String name, String level, int year, String flag, String evidence, boolean mayAct) {
  }

  @GetMapping("/oversight")
  public String view(@RequestParam(required = false) Integer year, @RequestParam(required = false) String level,
      @RequestParam(required = false) String series, @RequestParam(required = false) String city, Model model) {
    int y = year == null ? thisYear() : year;
    AnnualReport.Contents contents = contents(y, level, series, city);
    List<Committee> committees = contents.committees();
    CommitteeYears.Table figures = committeeYears.of(null, y - CHART_YEARS + 1, y);
    List<YearFigures> byYear = new ArrayList<>();
    for (int year0 = y - CHART_YEARS + 1; year0 <= y; year0++) {
      int applicants = 0;
      int passed = 0;
      boolean imported = false;
      for (Committee c : committees) {
        YearFigures f = figures.get(c.id(), year0);
        if (f != null) {
          applicants += f.applicants();
          passed += f.passed();
          imported |= f.imported();
        }
      }
      if (applicants > 0) {
        byYear.add(new YearFigures(0, year0, "", "", 0, applicants, applicants, passed, null, null, null, null, 0, 0,
            0, 0, 0, 0, imported));
      }
    }
    List<Flagged> flagged = contents.funnels().stream().flatMap(f -> f.points().stream()
        .filter(p -> p.flag() != null || p.history() != null && p.history().flag() != null)
        .map(p -> new Flagged(p.committee().code(), p.committee().name(), f.level(), y,
            (p.flag() != null ? p.flag() : p.history().flag()).label(), p.evidence(f), scope.mayAct(p.committee()))))
        .toList();
    model.addAttribute("year", y);
    model.addAttribute("level", level);
    model.addAttribute("series", series);
    model.addAttribute("city", city);
    model.addAttribute("levels", Committee.LEVELS);
    model.addAttribute("seriesList", scope.series());
    model.addAttribute("cities", scope.cities());
    model.addAttribute("totals", contents.totals());
    model.addAttribute("sessionCount", contents.sessions().size());
    model.addAttribute("imported", contents.imported().isEmpty() ? null : "另有 " + contents.imported().size()
        + " 个评委会本年度的数据为系统启用前导入（标“导入”），申报 " + contents.imported().stream()
        .mapToInt(YearFigures::applicants).sum() + " 人、通过 " + contents.imported().stream()
        .mapToInt(YearFigures::passed).sum() + " 人，不计入上面的评审会合计。");
    model.addAttribute("funnels", contents.funnels().stream().map(f -> Map.of("level", f.level(), "svg",
        Charts.funnel(f), "peers", f.peers() + "合计申报 " + f.peerApplicants() + " 人、通过 " + f.peerPassed() + " 人",
        "note", f.note() == null ? "" : f.note())).toList());
    model.addAttribute("byYear", byYear.isEmpty() ? null : Charts.byYear(byYear));
    List<AnnualReport.GateTotal> gates = contents.gates().stream().limit(10).toList();
    model.addAttribute("gates", gates.isEmpty() ? null : Charts.bars("未通过次数最多的合规检查",
        gates.stream().map(AnnualReport.GateTotal::gateName).toList(),
        gates.stream().map(AnnualReport.GateTotal::failures).toList()));
    model.addAttribute("overdue", contents.overdue().size());
    model.addAttribute("flagged", flagged);
    model.addAttribute("means", cn.gx.titlereview.inspection.InspectionService.MEANS);
    model.addAttribute("method", PassRates.METHOD);
    model.addAttribute("document", contents.document());
    model.addAttribute("query", query(y, level, series, city));
    model.addAttribute("mayImport", scope.mayImport());
    return "oversight";
  }

  @GetMapping("/oversight/report.docx")
  public ResponseEntity<byte[]> reportDocx(@RequestParam int year, @RequestParam(required = false) String level,
      @RequestParam(required = false) String series, @RequestParam(required = false) String city) {
    OversightDocument document = contents(year, level, series, city).document();
    return Downloads.docx(document.title(), formats.docx(document));
  }

  @GetMapping("/oversight/report.pdf")
  public ResponseEntity<byte[]> reportPdf(@RequestParam int year, @RequestParam(required = false) String level,
      @RequestParam(required = false) String series, @RequestParam(required = false) String city) {
    OversightDocument document = contents(year, level, series, city).document();
    return Downloads.pdf(document.title(), formats.pdf(document));
  }

  @GetMapping("/oversight/report.xlsx")
  public ResponseEntity<byte[]> reportXlsx(@RequestParam int year, @RequestParam(required = false) String level,
      @RequestParam(required = false) String series, @RequestParam(required = false) String city) {
    OversightDocument document = contents(year, level, series, city).document();
    return Downloads.xlsx(document.title(), formats.xlsx(document));
  }

  @GetMapping("/oversight/committees/{code}")
  public String committee(@PathVariable String code, Model model) {
    Committee committee = scope.committee(code);
    model.addAttribute("committee", committee);
    model.addAttribute("document", committeeFile.of(committee));
    return "oversight-committee";
  }

  @GetMapping("/oversight/committees/{code}/file.xlsx")
  public ResponseEntity<byte[]> committeeXlsx(@PathVariable String code) {
    Committee committee = scope.committee(code);
    return Downloads.xlsx("评委会档案-" + committee.code(), formats.xlsx(committeeFile.of(committee)));
  }

  @GetMapping("/oversight/committees/{code}/file.docx")
  public ResponseEntity<byte[]> committeeDocx(@PathVariable String code) {
    Committee committee = scope.committee(code);
    return Downloads.docx("评委会档案-" + committee.code(), formats.docx(committeeFile.of(committee)));
  }

  private AnnualReport.Contents contents(int year, String level, String series, String city) {
    String l = blankToNull(level);
    String s = blankToNull(series);
    String c = blankToNull(city);
    List<Committee> committees = scope.committees(l, s, c);
    return report.of(year, committees, scopeName(l, s, c), s);
  }

  /** Whose report it is: the caller's organization (全区 for an administrator), and the filters applied. */
  private String scopeName(String level, String series, String city) {
    String who = jurisdiction.organizationOf(scope.user()).map(Organization::name).orElse("全区");
    List<String> filters = new ArrayList<>();
    if (city != null) {
      jurisdiction.region().organization(city).ifPresent(o -> filters.add(o.name() + "辖区"));
    }
    if (level != null) {
      filters.add(level + "评委会");
    }
    if (series != null) {
      filters.add(series + "系列");
    }
    return who + (filters.isEmpty() ? "" : "（" + String.join("、", filters) + "）");
  }

  private static String query(int year, String level, String series, String city) {
    StringBuilder q = new StringBuilder("year=" + year);
    appendParam(q, "level", level);
    appendParam(q, "series", series);
    appendParam(q, "city", city);
    return q.toString();
  }

  private static void appendParam(StringBuilder q, String name, String value) {
    if (value != null && !value.isBlank()) {
      q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value,
          java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private int thisYear() {
    return LocalDate.now(clock.withZone(PlatformConfig.ZONE)).getYear();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
