package cn.gx.titlereview.recheck;

import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The recheck's section: each round's findings against the passed applicants, by whom, and open problems. */
@Component
class RecheckSectionStates implements SectionStates {

  private final RecheckRepository rechecks;
  private final RecheckService recheckService;
  private final PersonNames names;

  RecheckSectionStates(RecheckRepository rechecks, RecheckService recheckService, PersonNames names) {
    this.rechecks = rechecks;
    this.recheckService = recheckService;
    this.names = names;
  }

  @Override
  public Set<String> sections() {
    return Set.of("rechecks");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    List<RecheckFinding> findings = rechecks.findings(session.id());
    int passed = recheckService.passedApplicants(session.id()).size();
    List<String> lines = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      int r = round;
      Set<String> by = findings.stream().filter(f -> f.round() == r).map(RecheckFinding::recordedBy)
          .collect(Collectors.toCollection(TreeSet::new));
      lines.add((round == 1 ? "第一人" : "第二人") + "复核已登记 "
          + findings.stream().filter(f -> f.round() == r).count() + " / " + passed + " 人"
          + (by.isEmpty() ? "" : "（" + by.stream().map(names::name).collect(Collectors.joining("、")) + "）"));
    }
    long open = findings.stream().filter(f -> f.problem() && f.disposition() == null).count();
    if (open > 0) {
      lines.add("待监督员处理的复核问题 " + open + " 个");
    }
    return lines;
  }
}
