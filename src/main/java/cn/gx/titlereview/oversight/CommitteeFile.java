package cn.gx.titlereview.oversight;

import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.library.LibraryHealth;
import cn.gx.titlereview.oversight.OversightDocument.Link;
import cn.gx.titlereview.oversight.OversightDocument.Part;
import cn.gx.titlereview.oversight.OversightRepository.FailedGate;
import cn.gx.titlereview.oversight.OversightRepository.SessionRow;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 评委会档案: a committee's years at a glance — applicants, passed and rates (overall, 体制内事业单位, 企业及其他), recheck
 * problems, complaints, gates failed and rectified, items of 附件1 answered 否, its rate against its peers and its own
 * past — then every session, its inspections with findings and corrections, and what was done about flags.
 */
@Component
class CommitteeFile {

  /** How many years the file covers at least, ending with this year; earlier ones too when it has figures there. */
  static final int YEARS = 10;

  private final OversightRepository repository;
  private final CommitteeYears committeeYears;
  private final PassRates passRates;
  private final Jurisdiction jurisdiction;
  private final LibraryHealth libraryHealth;
  private final Clock clock;

  CommitteeFile(OversightRepository repository, CommitteeYears committeeYears, PassRates passRates,
      Jurisdiction jurisdiction, LibraryHealth libraryHealth, Clock clock) {
    this.repository = repository;
    this.committeeYears = committeeYears;
    this.passRates = passRates;
    this.jurisdiction = jurisdiction;
    this.libraryHealth = libraryHealth;
    this.clock = clock;
  }

  OversightDocument of(Committee committee) {
    int to = LocalDate.now(clock.withZone(PlatformConfig.ZONE)).getYear();
    Integer first = repository.firstYear(committee.id());
    int from = first == null ? to - YEARS + 1 : Math.min(first, to - YEARS + 1);
    CommitteeYears.Table all = committeeYears.of(null, from - PassRates.HISTORY_YEARS, to);
    List<List<Object>> years = new ArrayList<>();
    for (int year = to; year >= from; year--) {
      YearFigures f = all.get(committee.id(), year);
      if (f == null) {
        continue;
      }
      PassRates.Comparison comparison = passRates.funnel(all, year, f.level(), f.series(), Set.of(committee.id()));
      PassRates.Point point = comparison.points().isEmpty() ? null : comparison.points().get(0);
      years.add(List.of(year, f.imported() ? "—" : f.sessions(), f.allApplicants(), f.passed(), f.rate(),
          f.ratePublic(), f.rateEnterprise(), f.imported() ? "—" : f.recheckProblems(), f.recheckRatio(),
          f.imported() ? "—" : f.complaintsReceived() + " / " + f.complaintsVerified(),
          f.imported() ? "—" : f.gateFailures() + " / " + f.gatesUnrectified(),
          f.imported() ? "—" : f.noItems(),
          point == null ? "—" : flagText(point.flag(), f.applicants() < passRates.minApplicants()),
          point == null || point.history() == null ? "—" : flagText(point.history().flag(), false),
          f.imported() ? YearFigures.IMPORTED : "系统"));
    }
    List<SessionRow> sessions = repository.sessions(committee.id(), from, to);
    Map<Long, List<FailedGate>> gates = repository.gatesOfCommittee(committee.id());
    List<List<Object>> sessionRows = sessions.stream().map(s -> {
      var fact = s.fact();
      return List.<Object>of(s.year(), new Link(s.code(), "/supervision/sessions/" + s.code()), s.level(),
          fact == null ? "—" : fact.applicants(), fact == null || fact.passed() == null ? "—" : fact.passed(),
          fact == null || fact.passed() == null ? "—" : YearFigures.rate(fact.passed(), fact.applicants()),
          fact == null || fact.passedPublic() == null ? "—" : YearFigures.rate(fact.passedPublic(), fact.applicantsPublic()),
          fact == null || fact.passedEnterprise() == null ? "—"
              : YearFigures.rate(fact.passedEnterprise(), fact.applicantsEnterprise()),
          fact == null || fact.recheckProblems() == null ? "—" : fact.recheckProblems(),
          fact == null ? "—" : fact.complaintsReceived() + " / " + fact.complaintsVerified(),
          gates.getOrDefault(s.sessionId(), List.of()).stream().map(g -> g.gateName() + " 未通过 " + g.failures()
              + " 次，" + (g.rectified() ? "已整改通过" : "尚未整改")).collect(Collectors.joining("；")),
          fact == null ? "" : String.join("；", fact.noItems()),
          fact == null || fact.closedOutcome() == null ? "进行中" : "CONFIRMED".equals(fact.closedOutcome())
              ? "评审结果已确认" : "评审结果未获确认");
    }).toList();
    List<List<Object>> inspections = repository.inspections(committee.id(), from, to, jurisdiction.today())
        .stream().map(i -> List.<Object>of(new Link("督查 " + i.id(), "/supervision/inspections/" + i.id()),
            i.year(), i.means().replace(",", "、"),
            InspectionService.TRIGGERS.getOrDefault(i.trigger(), i.trigger())
                + (i.triggerNote() == null ? "" : "：" + i.triggerNote()),
            i.findings(), i.verified(), i.overdue(), i.corrections(),
            i.concluded() ? "已办结" + (i.conclusion() == null ? "" : "：" + i.conclusion()) : "办理中"))
        .toList();
    List<List<Object>> decisions = repository.decisions(committee.id(), from, to).stream()
        .map(d -> List.<Object>of(d.year(), Funnel.Flag.valueOf(d.flag()).label(), d.evidence(),
            d.inspectionId() == null ? "无须督查：" + d.reason()
                : new Link("已立项督查 " + d.inspectionId(), "/supervision/inspections/" + d.inspectionId()),
            d.decidedBy() + " 于 " + PlatformConfig.MINUTES.format(d.decidedAt())))
        .toList();
    List<Part> parts = List.of(
        new Part("一、历年概况", List.of("通过率按有评审结果的评审会计算；标“导入”的年度为系统启用前导入的历年数据。"
            + "与同级比较：" + PassRates.METHOD + "；申报不足 " + passRates.minApplicants() + " 人的年度只列示、不预警。"
            + "与前三年比较：以本评委会前三年合计通过率为 p。"),
            List.of(Workbooks.Table.of("历年概况", List.of("年度", "评审会", "申报人数", "通过人数", "通过率",
                "体制内事业单位通过率", "企业及其他通过率", "复核问题人数", "复核问题比例", "信访件（收到 / 已核查）",
                "合规检查未通过（次 / 未整改项）", "记录表答“否”的事项", "与同级比较", "与前三年比较", "数据来源"),
                years))),
        new Part("二、各评审会", List.of(), List.of(Workbooks.Table.of("各评审会", List.of("年度", "评审会", "级别",
            "申报人数", "通过人数", "通过率", "体制内事业单位通过率", "企业及其他通过率", "复核问题人数",
            "信访件（收到 / 已核查）", "未通过的合规检查及整改", "记录表答“否”的事项", "结束情况"), sessionRows))),
        new Part("三、督查及整改", List.of(), List.of(Workbooks.Table.of("督查及整改", List.of("督查", "年度",
            "督查方式", "起因", "发现问题", "整改到位", "逾期未整改", "数据更正", "办理情况"), inspections))),
        new Part("四、通过率预警的处理", List.of(), List.of(Workbooks.Table.of("通过率预警的处理",
            List.of("年度", "预警", "依据", "处理", "处理人"), decisions))),
        library(committee));
    return new OversightDocument("评委会档案", List.of(committee.name() + "（" + committee.code() + "）",
        committee.level() + "评委会 · " + committee.series() + "系列 · 组建单位："
            + jurisdiction.region().organization(committee.organisingUnitId()).name() + " · 核准单位："
            + jurisdiction.region().organization(committee.approvingUnitId()).name(),
        from + "–" + to + " 年"), parts);
  }

  /**
   * 五、专家库状况: counts only — the experts' names and contacts stay on the library's own page, where reads are
   * logged.
   */
  private Part library(Committee committee) {
    LibraryHealth.Report health = libraryHealth.report(committee);
    if (health.version() == 0) {
      return new Part("五、专家库状况", List.of("本评委会尚未建立专家库（各评审会单独导入评委名册）。"), List.of());
    }
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("专家库现为第 " + health.version() + " 版，在库专家 " + health.experts() + " 人；聘期将在 "
        + LibraryHealth.TERM_WARNING_DAYS + " 天内结束的 " + health.termsEnding().size() + " 人；近三年每年均被抽取为评委的 "
        + health.drawnEveryYear() + " 人（"
        + health.drawnByYear().stream().map(d -> d.year() + " 年 " + d.experts() + " 人").collect(Collectors.joining("，"))
        + "）。");
    health.warnings().forEach(w -> paragraphs.add("提示：" + w));
    List<List<Object>> rows = health.specialties().stream().map(sp -> List.<Object>of(sp.specialty(), sp.active(),
        sp.drawable(), sp.lastDrawNeeded(), sp.enough() ? "足够" : "不足")).toList();
    return new Part("五、专家库状况", paragraphs, List.of(Workbooks.Table.of("专家库各专业人数",
        List.of("专业", "在库专家", "今年可抽取", "上次抽取所需（评委及候补）", "能否抽足"), rows)));
  }

  static String flagText(Funnel.Flag flag, boolean tooFew) {
    return tooFew ? "人数过少，不预警" : flag == null ? "正常" : flag.label();
  }
}
