package cn.gx.titlereview.oversight;

import cn.gx.titlereview.oversight.Funnel.Flag;
import cn.gx.titlereview.oversight.Funnel.Limits;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Pass rates against peers and against the committee's own past (监管方案 二（一）3). The peers of a committee are the
 * region's committees of its level (and series, where there are enough of them) in the year: their pooled rate is the
 * funnel's centre for every viewer, so that a flag does not depend on who looks; each viewer sees the points of the
 * committees in his jurisdiction only. Its own past is its pooled rate over the three years before.
 */
@Component
class PassRates {

  // In characters every shipped font has (the PDF's subset lacks √ and the minus sign).
  static final String METHOD = "二项分布的正态近似：控制限 = p ± z × 根号[p × (1 - p) ÷ n]，95% 取 z = 1.96，99.8% 取 z = 3.09；"
      + "p 为同级（同系列）评委会当年的总通过率，n 为该评委会当年有评审结果的申报人数";
  static final int HISTORY_YEARS = 3;

  private final OversightSettings settings;
  private final Jurisdiction jurisdiction;

  PassRates(OversightSettings settings, Jurisdiction jurisdiction) {
    this.settings = settings;
    this.jurisdiction = jurisdiction;
  }

  /** A committee's point on the funnel, with its limits, flag and comparison with its own past. */
  record Point(Committee committee, YearFigures figures, Limits limits, Flag flag, History history) {

    double rate() {
      return figures.applicants() == 0 ? 0 : (double) figures.passed() / figures.applicants();
    }

    /** The evidence of a flag, in words: what an inspection opened from it records as its trigger. */
    String evidence(Comparison comparison) {
      return figures.year() + " 年评委会“" + committee.name() + "”通过率 " + figures.rate() + "（申报 "
          + figures.applicants() + " 人，通过 " + figures.passed() + " 人" + (figures.imported() ? "，导入" : "")
          + "）；" + comparison.peers() + "通过率 " + Funnel.percent(limits.target()) + "，该规模下 95% 控制限 "
          + Funnel.percent(limits.lower95()) + "–" + Funnel.percent(limits.upper95()) + "，99.8% 控制限 "
          + Funnel.percent(limits.lower998()) + "–" + Funnel.percent(limits.upper998()) + (flag == null ? ""
          : "：" + flag.label()) + (history == null ? "" : "；" + history.describe());
    }
  }

  /** The committee's pooled rate over the years before, and where this year's rate falls against it. */
  record History(int fromYear, int toYear, int applicants, int passed, boolean imported, Limits limits, Flag flag) {

    double rate() {
      return (double) passed / applicants;
    }

    String describe() {
      return "与本评委会 " + fromYear + "–" + toYear + " 年（申报 " + applicants + " 人，通过率 " + Funnel.percent(rate())
          + (imported ? "，含导入数据" : "") + "）相比" + (flag == null ? "无明显差异" : "：" + flag.label());
    }
  }

  /** A year's funnel for a level (and series): peers' pooled rate, and each visible committee's point. */
  record Comparison(int year, String level, String series, String note, int peerCommittees, int peerApplicants,
      int peerPassed, List<Point> points) {

    double target() {
      return peerApplicants == 0 ? 0 : (double) peerPassed / peerApplicants;
    }

    String peers() {
      return year + " 年" + level + (series == null ? "" : series + "系列") + "评委会（" + peerCommittees + " 个）";
    }
  }

  /**
   * The funnel of a year and level (and series) for the committees in {@code visible} (null: all), from figures that
   * hold the year and the three before it.
   */
  Comparison funnel(CommitteeYears.Table figures, int year, String level, String series, Set<Long> visible) {
    String note = null;
    List<YearFigures> peers = figures.year(year, level, series);
    if (series != null && peers.stream().filter(f -> f.applicants() > 0).count() < settings.minSeriesPeers()) {
      note = level + series + "系列有评审结果的评委会不足 " + settings.minSeriesPeers() + " 个，按" + level
          + "全部评委会比较";
      series = null;
      peers = figures.year(year, level, null);
    }
    int applicants = peers.stream().mapToInt(YearFigures::applicants).sum();
    int passed = peers.stream().mapToInt(YearFigures::passed).sum();
    double target = applicants == 0 ? 0 : (double) passed / applicants;
    List<Point> points = peers.stream()
        .filter(f -> visible == null || visible.contains(f.committeeId()))
        .filter(f -> jurisdiction.region().committee(f.committeeId()) != null)
        .map(f -> {
          Limits limits = Funnel.limits(target, f.applicants());
          return new Point(jurisdiction.region().committee(f.committeeId()), f, limits,
              limits.flag(f.passed(), settings.minApplicants()), history(figures, f));
        })
        .sorted(Comparator.comparing((Point p) -> p.flag() == null ? 2 : p.flag().ordinal())
            .thenComparing(p -> p.committee().code()))
        .toList();
    return new Comparison(year, level, series, note, (int) peers.stream().filter(f -> f.applicants() > 0).count(),
        applicants, passed, points);
  }

  private History history(CommitteeYears.Table figures, YearFigures now) {
    int applicants = 0;
    int passed = 0;
    boolean imported = false;
    for (int y = now.year() - HISTORY_YEARS; y < now.year(); y++) {
      YearFigures past = figures.get(now.committeeId(), y);
      if (past != null) {
        applicants += past.applicants();
        passed += past.passed();
        imported |= past.imported();
      }
    }
    if (applicants == 0) {
      return null;
    }
    Limits limits = Funnel.limits((double) passed / applicants, now.applicants());
    return new History(now.year() - HISTORY_YEARS, now.year() - 1, applicants, passed, imported, limits,
        limits.flag(now.passed(), settings.minApplicants()));
  }

  int minApplicants() {
    return settings.minApplicants();
  }
}
