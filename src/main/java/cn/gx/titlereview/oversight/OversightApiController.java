package cn.gx.titlereview.oversight;

import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Committee;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight figures for other systems, within the caller's jurisdiction: the import of past committee-years, the
 * pass rates against peers (the funnel's figures), what is done about a flag, and the read model's rebuild.
 */
@RestController
@RequestMapping("/api/oversight")
class OversightApiController {

  /** How many committee-years were imported. */
  record Imported(int imported) {
  }

  /** A year's pass rates for a level (and series): the peers' figures and each visible committee's point. */
  record PassRatesReply(int year, String level, String series, String note, String method, int minApplicants,
      int peerCommittees, int peerApplicants, int peerPassed, double peerRate, List<CommitteeRate> committees) {
  }

  /**
   * One committee: its figures (imported: years before the system), its rate and the limits at its size as fractions,
   * its flag (ABNORMAL, WATCH or null) and the same against its own previous three years.
   */
  record CommitteeRate(String committeeCode, String committeeName, String series, int sessions, int applicants,
      int passed, double rate, boolean imported, double lower95, double upper95, double lower998, double upper998,
      String flag, History history) {
  }

  /** The committee's previous three years pooled, the limits at this year's size around their rate, and the flag. */
  record History(int fromYear, int toYear, int applicants, int passed, double rate, boolean imported, double lower95,
      double upper95, double lower998, double upper998, String flag) {
  }

  /** How many sessions' rows were rewritten. */
  record Rebuilt(int sessions) {
  }

  private final PastYears pastYears;
  private final OversightScope scope;
  private final CommitteeYears committeeYears;
  private final PassRates passRates;
  private final FlagActions flags;
  private final SessionFacts facts;
  private final CurrentUser currentUser;

  OversightApiController(PastYears pastYears, OversightScope scope, CommitteeYears committeeYears,
      PassRates passRates, FlagActions flags, SessionFacts facts, CurrentUser currentUser) {
    this.pastYears = pastYears;
    this.scope = scope;
    this.committeeYears = committeeYears;
    this.passRates = passRates;
    this.flags = flags;
    this.facts = facts;
    this.currentUser = currentUser;
  }

  /** 历年数据导入: .xlsx or a JSON array, all rows or none. */
  @PostMapping("/past-years")
  public Imported importPastYears(HttpServletRequest request) {
    currentUser.requireAnyGroup(Groups.APPROVER);
    return new Imported(pastYears.importFile(UploadReader.read(request)));
  }

  @GetMapping("/pass-rates")
  public PassRatesReply passRates(@RequestParam int year, @RequestParam String level,
      @RequestParam(required = false) String series, @RequestParam(required = false) String city) {
    if (!Committee.LEVELS.contains(level)) {
      throw BusinessException.badRequest("级别 level 应为 " + String.join("、", Committee.LEVELS) + " 之一");
    }
    String seriesOrNull = series == null || series.isBlank() ? null : series;
    List<Committee> visible = scope.committees(level, null, city == null || city.isBlank() ? null : city);
    PassRates.Comparison c = passRates.funnel(committeeYears.of(null, year - PassRates.HISTORY_YEARS, year), year,
        level, seriesOrNull, scope.ids(visible));
    return new PassRatesReply(year, level, c.series(), c.note(), PassRates.METHOD, passRates.minApplicants(),
        c.peerCommittees(), c.peerApplicants(), c.peerPassed(), c.target(), c.points().stream().map(p ->
            new CommitteeRate(p.committee().code(), p.committee().name(), p.figures().series(), p.figures().sessions(),
                p.figures().applicants(), p.figures().passed(), p.rate(), p.figures().imported(), p.limits().lower95(),
                p.limits().upper95(), p.limits().lower998(), p.limits().upper998(),
                p.flag() == null ? null : p.flag().name(), p.history() == null ? null : new History(
                    p.history().fromYear(), p.history().toYear(), p.history().applicants(), p.history().passed(),
                    p.history().rate(), p.history().imported(), p.history().limits().lower95(),
                    p.history().limits().upper95(), p.history().limits().lower998(), p.history().limits().upper998(),
                    p.history().flag() == null ? null : p.history().flag().name()))).toList());
  }

  /** Opens an inspection from a flag (action INSPECT) or records why none is needed (NO_ACTION, with a reason). */
  @PostMapping("/flags")
  public FlagActions.Decision decide(@RequestBody FlagActions.Request request) {
    currentUser.requireAnyGroup(Groups.APPROVER);
    return flags.decide(request);
  }

  /** Rewrites every session's row of the read model from its record (administrators). */
  @PostMapping("/rebuild")
  public Rebuilt rebuild() {
    currentUser.requireAnyGroup();
    return new Rebuilt(facts.rebuild());
  }
}
