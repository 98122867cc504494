package cn.gx.titlereview.oversight;

import cn.gx.titlereview.oversight.OversightRepository.CommitteeYear;
import cn.gx.titlereview.oversight.OversightRepository.PastYear;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Committee-year figures from both sources: the sessions' read model, and the imported past years for committee-years
 * without sessions in the system (an import of a year that has sessions is refused, so none is counted twice).
 */
@Component
class CommitteeYears {

  private final OversightRepository repository;
  private final Jurisdiction jurisdiction;

  CommitteeYears(OversightRepository repository, Jurisdiction jurisdiction) {
    this.repository = repository;
    this.jurisdiction = jurisdiction;
  }

  /** Every committee's figures in the years (of one committee when committeeId is given), by committee and year. */
  Table of(Long committeeId, int fromYear, int toYear) {
    Map<Long, Map<Integer, YearFigures>> figures = new HashMap<>();
    for (CommitteeYear y : repository.committeeYears(committeeId, fromYear, toYear)) {
      Committee c = jurisdiction.region().committee(y.committeeId());
      figures.computeIfAbsent(y.committeeId(), k -> new HashMap<>()).put(y.year(), new YearFigures(y.committeeId(),
          y.year(), c == null ? "" : c.level(), c == null ? "" : c.series(), y.sessions(), y.applicants(),
          y.decidedApplicants(), y.passed(), y.applicantsPublic(), y.passedPublic(), y.applicantsEnterprise(),
          y.passedEnterprise(), y.recheckProblems(), y.complaintsReceived(), y.complaintsVerified(), y.gateFailures(),
          y.gatesUnrectified(), y.noItems(), false));
    }
    for (PastYear p : repository.pastYears(committeeId, fromYear, toYear)) {
      figures.computeIfAbsent(p.committeeId(), k -> new HashMap<>()).putIfAbsent(p.year(), new YearFigures(
          p.committeeId(), p.year(), p.level(), p.series(), 0, p.applicants(), p.applicants(), p.passed(), null,
          p.passedPublic(), null, p.passedEnterprise(), 0, 0, 0, 0, 0, 0, true));
    }
    return new Table(figures);
  }

  /** Figures by committee and year. */
  record Table(Map<Long, Map<Integer, YearFigures>> figures) {

    YearFigures get(long committeeId, int year) {
      return figures.getOrDefault(committeeId, Map.of()).get(year);
    }

    /** The committee-years of a year, of the committees with a level (and a series, when given). */
    List<YearFigures> year(int year, String level, String series) {
      List<YearFigures> rows = new ArrayList<>();
      figures.values().forEach(byYear -> {
        YearFigures f = byYear.get(year);
        if (f != null && f.level().equals(level) && (series == null || f.series().equals(series))) {
          rows.add(f);
        }
      });
      return rows;
    }
  }
}
