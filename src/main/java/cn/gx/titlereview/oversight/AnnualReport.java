package cn.gx.titlereview.oversight;

import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.oversight.OversightDocument.Link;
import cn.gx.titlereview.oversight.OversightDocument.Part;
import cn.gx.titlereview.oversight.OversightRepository.InspectionRow;
import cn.gx.titlereview.oversight.OversightRepository.OverdueFinding;
import cn.gx.titlereview.oversight.OversightRepository.SessionFact;
import cn.gx.titlereview.oversight.OversightRepository.SessionRow;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 年度职称评审监督情况报告 of a jurisdiction and year: committees and sessions held, pass rates against peers with
 * the flags and what was done about them, inspections by means and trigger (监管方案 三), complaints, gates that
 * failed and items of 附件1 answered 否 (监管方案 二), rectifications overdue; and, as its last table, every session
 * the figures are summed from. Its totals are the sums of those sessions' read-model rows (imported years are
 * reported apart, marked 「导入」).
 */
@Component
class AnnualReport {

  private final OversightRepository repository;
  private final CommitteeYears committeeYears;
  private final PassRates passRates;
  private final Jurisdiction jurisdiction;

  AnnualReport(OversightRepository repository, CommitteeYears committeeYears, PassRates passRates,
      Jurisdiction jurisdiction) {
    this.repository = repository;
    this.committeeYears = committeeYears;
    this.passRates = passRates;
    this.jurisdiction = jurisdiction;
  }

  /** The figures of a year for the committees given, and the report written from them. */
  record Contents(int year, List<Committee> committees, List<SessionRow> sessions, Totals totals,
      List<PassRates.Comparison> funnels, List<YearFigures> imported, List<GateTotal> gates,
      List<OverdueFinding> overdue, OversightDocument document) {
  }

  /** A gate's failures in the year: how often, in how many sessions, in how many still not rectified. */
  record GateTotal(String gateName, int failures, int sessions, int unrectified) {
  }

  /** Sums over the sessions (their read-model rows). */
  record Totals(int committees, int sessions, int applicants, int decidedApplicants, int passed,
      int complaintsReceived, int complaintsVerified, int recheckProblems, int gateFailures, int noItems) {

    static Totals of(List<SessionRow> rows) {
      List<SessionFact> facts = rows.stream().map(SessionRow::fact).filter(Objects::nonNull).toList();
      return new Totals((int) rows.stream().map(SessionRow::committeeId).distinct().count(), rows.size(),
          facts.stream().mapToInt(SessionFact::applicants).sum(),
          facts.stream().filter(f -> f.passed() != null).mapToInt(SessionFact::applicants).sum(),
          facts.stream().filter(f -> f.passed() != null).mapToInt(SessionFact::passed).sum(),
          facts.stream().mapToInt(SessionFact::complaintsReceived).sum(),
          facts.stream().mapToInt(SessionFact::complaintsVerified).sum(),
          facts.stream().filter(f -> f.recheckProblems() != null).mapToInt(SessionFact::recheckProblems).sum(),
          facts.stream().mapToInt(SessionFact::gateFailures).sum(),
          facts.stream().mapToInt(f -> f.noItems().size()).sum());
    }

    List<Object> row(String label) {
      return List.of(label, committees, sessions, applicants, passed, YearFigures.rate(passed, decidedApplicants),
          complaintsReceived + " / " + complaintsVerified, recheckProblems, gateFailures, noItems);
    }
  }

  Contents of(int year, List<Committee> committees, String scopeName, String series) {
    Set<Long> ids = committees.stream().map(Committee::id).collect(Collectors.toSet());
    Map<Long, Committee> byId = committees.stream().collect(Collectors.toMap(Committee::id, c -> c));
    List<SessionRow> sessions = repository.sessions(null, year, year).stream()
        .filter(s -> ids.contains(s.committeeId())).toList();
    CommitteeYears.Table figures = committeeYears.of(null, year - PassRates.HISTORY_YEARS, year);
    List<Part> parts = new ArrayList<>();
    Totals totals = Totals.of(sessions);

    // 一、基本情况
    List<List<Object>> basics = new ArrayList<>();
    for (String level : Committee.LEVELS) {
      List<SessionRow> ofLevel = sessions.stream().filter(s -> byId.get(s.committeeId()).level().equals(level))
          .toList();
      if (!ofLevel.isEmpty()) {
        basics.add(Totals.of(ofLevel).row(level));
      }
    }
    basics.add(totals.row("合计"));
    List<YearFigures> imported = committees.stream().map(c -> figures.get(c.id(), year))
        .filter(f -> f != null && f.imported()).toList();
    List<String> basicsText = new ArrayList<>(List.of(year + " 年，" + scopeName + "监管的评委会中有 "
        + totals.committees() + " 个举行评审会 " + totals.sessions() + " 次，申报 " + totals.applicants() + " 人，"
        + "通过 " + totals.passed() + " 人，通过率 " + YearFigures.rate(totals.passed(), totals.decidedApplicants())
        + "（按有评审结果的评审会计算）。公示期间收到信访件 " + totals.complaintsReceived() + " 件，已核查 "
        + totals.complaintsVerified() + " 件。各项合计为附表所列各评审会数据之和。"));
    if (!imported.isEmpty()) {
      basicsText.add("另有 " + imported.size() + " 个评委会的年度数据为导入（系统启用前的历年数据），申报 "
          + imported.stream().mapToInt(YearFigures::applicants).sum() + " 人、通过 "
          + imported.stream().mapToInt(YearFigures::passed).sum() + " 人，未计入上表。");
    }
    parts.add(new Part("一、基本情况", basicsText, List.of(Workbooks.Table.of("基本情况", List.of("级别", "评委会",
        "评审会", "申报人数", "通过人数", "通过率", "信访件（收到 / 已核查）", "复核问题人数", "合规检查未通过次数",
        "记录表答“否”的事项"), basics))));

    // 二、通过率
    List<PassRates.Comparison> funnels = new ArrayList<>();
    List<List<Object>> rates = new ArrayList<>();
    for (String level : Committee.LEVELS) {
      PassRates.Comparison funnel = passRates.funnel(figures, year, level, series, ids);
      if (funnel.points().isEmpty()) {
        continue;
      }
      funnels.add(funnel);
      for (PassRates.Point p : funnel.points()) {
        rates.add(List.of(level, new Link(p.committee().name(), "/oversight/committees/" + p.committee().code()),
            p.figures().applicants(), p.figures().passed(), p.figures().rate() + (p.figures().imported() ? "（导入）" : ""),
            Funnel.percent(funnel.target()),
            Funnel.percent(p.limits().lower95()) + "–" + Funnel.percent(p.limits().upper95()),
            Funnel.percent(p.limits().lower998()) + "–" + Funnel.percent(p.limits().upper998()),
            CommitteeFile.flagText(p.flag(), p.figures().applicants() < passRates.minApplicants()),
            p.history() == null ? "—" : p.history().describe()));
      }
    }
    parts.add(new Part("二、评审通过率（监管方案 二（一）3）", List.of("方法：" + PassRates.METHOD + "。超出 99.8% 控制限为“"
        + Funnel.Flag.ABNORMAL.label() + "”，超出 95% 控制限为“" + Funnel.Flag.WATCH.label() + "”；申报不足 "
        + passRates.minApplicants() + " 人的评委会只列示、不预警。预警是督查的线索，不是结论。"),
        List.of(Workbooks.Table.of("评审通过率", List.of("级别", "评委会", "申报人数", "通过人数", "通过率", "同级通过率",
            "95%控制限", "99.8%控制限", "预警", "与前三年比较"), rates))));

    // 三、预警的处理
    List<List<Object>> decisions = repository.decisions(null, year, year).stream()
        .filter(d -> ids.contains(d.committeeId()))
        .map(d -> List.<Object>of(byId.get(d.committeeId()).name(), Funnel.Flag.valueOf(d.flag()).label(),
            d.inspectionId() == null ? "无须督查：" + d.reason()
                : new Link("已立项督查 " + d.inspectionId(), "/supervision/inspections/" + d.inspectionId()),
            d.decidedBy() + " 于 " + PlatformConfig.MINUTES.format(d.decidedAt())))
        .toList();
    long flagged = funnels.stream().flatMap(f -> f.points().stream()).filter(p -> p.flag() != null).count();
    parts.add(new Part("三、通过率预警及处理", List.of("本年度预警 " + flagged + " 个评委会，已处理 " + decisions.size()
        + " 次（立项督查或说明无须督查）。"), List.of(Workbooks.Table.of("预警处理", List.of("评委会", "预警", "处理",
        "处理人"), decisions))));

    // 四、督查（监管方案 三）
    List<InspectionRow> inspections = repository.inspections(null, year, year, jurisdiction.today()).stream()
        .filter(i -> ids.contains(i.committeeId())).toList();
    Map<String, int[]> byMeans = new LinkedHashMap<>();
    InspectionService.MEANS.forEach(m -> byMeans.put(m, new int[4]));
    for (InspectionRow i : inspections) {
      for (String means : i.means().split(",")) {
        int[] counts = byMeans.computeIfAbsent(means, k -> new int[4]);
        counts[0]++;
        counts[1] += i.findings();
        counts[2] += i.verified();
        counts[3] += i.overdue();
      }
    }
    List<List<Object>> meansRows = byMeans.entrySet().stream().filter(e -> e.getValue()[0] > 0)
        .map(e -> List.<Object>of(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .toList();
    Map<String, Long> byTrigger = inspections.stream().collect(Collectors.groupingBy(
        i -> InspectionService.TRIGGERS.getOrDefault(i.trigger(), i.trigger()), TreeMap::new, Collectors.counting()));
    parts.add(new Part("四、督查情况（监管方案 三）", List.of("本年度立项督查 " + inspections.size() + " 次"
        + (byTrigger.isEmpty() ? "" : "，其中" + byTrigger.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()
        + " 次").collect(Collectors.joining("、"))) + "；发现问题 " + inspections.stream().mapToInt(InspectionRow::findings)
        .sum() + " 项，整改到位 " + inspections.stream().mapToInt(InspectionRow::verified).sum() + " 项，逾期未整改 "
        + inspections.stream().mapToInt(InspectionRow::overdue).sum() + " 项。一次督查可用多种方式，按方式分列时重复计入。"),
        List.of(Workbooks.Table.of("督查方式", List.of("督查方式", "督查次数", "发现问题", "整改到位", "逾期未整改"),
            meansRows))));

    // 五、合规检查与记录表（监管方案 二）
    Map<String, int[]> byGate = new TreeMap<>();
    repository.gateCounts(year).stream().filter(g -> ids.contains(g.committeeId())).forEach(g -> {
      int[] c = byGate.computeIfAbsent(g.gateName(), k -> new int[3]);
      c[0] += g.failures();
      c[1] += g.sessions();
      c[2] += g.unrectified();
    });
    List<GateTotal> gates = byGate.entrySet().stream()
        .map(e -> new GateTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .sorted(Comparator.comparing(GateTotal::failures).reversed()).toList();
    List<List<Object>> gateRows = gates.stream()
        .map(g -> List.<Object>of(g.gateName(), g.failures(), g.sessions(), g.unrectified())).toList();
    Map<String, Long> noItems = sessions.stream().filter(s -> s.fact() != null)
        .flatMap(s -> s.fact().noItems().stream())
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    List<List<Object>> noRows = noItems.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
        .map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
    parts.add(new Part("五、合规检查与记录表（监管方案 二）", List.of(), List.of(
        Workbooks.Table.of("未通过的合规检查", List.of("合规检查", "未通过次数", "涉及评审会", "尚未整改的评审会"), gateRows),
        Workbooks.Table.of("记录表答“否”的事项", List.of("事项", "评审会数"), noRows))));

    // 六、逾期未整改
    List<OverdueFinding> overdueFindings = repository.overdue(jurisdiction.today()).stream()
        .filter(f -> ids.contains(f.committeeId())).toList();
    List<List<Object>> overdue = overdueFindings.stream()
        .map(f -> List.<Object>of(new Link("督查 " + f.inspectionId(), "/supervision/inspections/" + f.inspectionId()),
            byId.get(f.committeeId()).name(), f.rule(), f.responsible(), f.due().toString(), f.status()))
        .toList();
    parts.add(new Part("六、逾期未整改", List.of("截至 " + jurisdiction.today() + "，整改期限已过仍未核验整改到位的问题 "
        + overdue.size() + " 项。"), List.of(Workbooks.Table.of("逾期未整改", List.of("督查", "评委会", "违反的规定",
        "责任单位或责任人", "整改期限", "状态"), overdue))));

    // 附表
    List<List<Object>> sessionRows = sessions.stream().map(s -> {
      SessionFact f = s.fact();
      return List.<Object>of(new Link(s.code(), "/supervision/sessions/" + s.code()), byId.get(s.committeeId()).name(),
          s.level(), f == null ? 0 : f.applicants(), f == null || f.passed() == null ? "—" : f.passed(),
          f == null || f.passed() == null ? "—" : YearFigures.rate(f.passed(), f.applicants()),
          f == null ? "0 / 0" : f.complaintsReceived() + " / " + f.complaintsVerified(),
          f == null ? 0 : f.gateFailures());
    }).toList();
    parts.add(new Part("附表：各评审会", List.of(), List.of(Workbooks.Table.of("各评审会", List.of("评审会", "评委会",
        "级别", "申报人数", "通过人数", "通过率", "信访件（收到 / 已核查）", "合规检查未通过次数"), sessionRows))));

    OversightDocument document = new OversightDocument(year + " 年度职称评审监督情况报告",
        List.of(scopeName), parts);
    return new Contents(year, committees, sessions, totals, funnels, imported, gates, overdueFindings, document);
  }
}
