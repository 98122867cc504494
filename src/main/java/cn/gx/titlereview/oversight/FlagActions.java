package cn.gx.titlereview.oversight;

import cn.gx.titlereview.inspection.InspectionService;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Committee;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the approving unit (or the 职改办 above it) does about a pass-rate flag, in one step: opens an inspection of the
 * committee whose trigger is the flag with its figures (通过率预警), or records why none is needed. The flag is
 * recomputed here from the read model, never taken from the request, so the evidence is what the figures say.
 */
@Service
class FlagActions {

  static final String INSPECT = "INSPECT";
  static final String NO_ACTION = "NO_ACTION";
  static final List<String> DEFAULT_MEANS = List.of("查阅资料");
  static final int MAX_TEXT = 2000;

  /** The request: the committee-year, INSPECT or NO_ACTION, the reason for none, the means of the inspection. */
  record Request(String committeeCode, Integer year, String action, String reason, List<String> means) {
  }

  /** What was recorded, in words ({@code title}), and the inspection opened, if any. */
  record Decision(long id, String title, Long inspectionId) {
  }

  private final OversightScope scope;
  private final CommitteeYears committeeYears;
  private final PassRates passRates;
  private final InspectionService inspections;
  private final OversightRepository repository;
  private final Clock clock;

  FlagActions(OversightScope scope, CommitteeYears committeeYears, PassRates passRates,
      InspectionService inspections, OversightRepository repository, Clock clock) {
    this.scope = scope;
    this.committeeYears = committeeYears;
    this.passRates = passRates;
    this.inspections = inspections;
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  Decision decide(Request request) {
    if (request.committeeCode() == null || request.year() == null) {
      throw BusinessException.badRequest("请提供评委会编码 committeeCode 和年度 year");
    }
    Committee committee = scope.committee(request.committeeCode().trim());
    if (!scope.mayAct(committee)) {
      throw BusinessException.forbidden("只有评委会“" + committee.name() + "”的核准单位或上级职改办可以处理其通过率预警");
    }
    int year = request.year();
    CommitteeYears.Table figures = committeeYears.of(null, year - PassRates.HISTORY_YEARS, year);
    YearFigures f = figures.get(committee.id(), year);
    PassRates.Comparison comparison = f == null ? null
        : passRates.funnel(figures, year, f.level(), f.series(), Set.of(committee.id()));
    PassRates.Point point = comparison == null || comparison.points().isEmpty() ? null : comparison.points().get(0);
    Funnel.Flag flag = point == null ? null : point.flag() != null ? point.flag()
        : point.history() == null ? null : point.history().flag();
    if (flag == null) {
      throw BusinessException.conflict("评委会“" + committee.name() + "” " + year + " 年的通过率没有预警，无须处理");
    }
    String evidence = clip(point.evidence(comparison));
    String user = scope.user();
    if (INSPECT.equals(request.action())) {
      List<String> means = request.means() == null || request.means().isEmpty() ? DEFAULT_MEANS : request.means();
      InspectionService.Opened opened = inspections.open(new InspectionService.Request(null, committee.code(), means,
          "PASS_RATE", evidence), user);
      long id = repository.decide(committee.id(), year, flag.name(), evidence, opened.id(), null, user,
          clock.instant());
      return new Decision(id, "已立项：" + opened.title(), opened.id());
    }
    if (!NO_ACTION.equals(request.action())) {
      throw BusinessException.badRequest("处理方式 action 应为 INSPECT（立项督查）或 NO_ACTION（无须督查）");
    }
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_TEXT) {
      throw BusinessException.badRequest("请填写无须督查的理由 reason（不超过 " + MAX_TEXT + " 字）");
    }
    long id = repository.decide(committee.id(), year, flag.name(), evidence, null, reason, user, clock.instant());
    return new Decision(id, "已记录：" + committee.name() + " " + year + " 年" + flag.label() + "，无须督查（" + reason + "）",
        null);
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
