package cn.gx.titlereview.preparation;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.LastImport;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The applicants' section: how many were imported, how many passed the eligibility check, the last import. */
@Component
class ApplicantSectionStates implements SectionStates {

  private final ApplicantRepository applicants;
  private final LastImport lastImport;

  ApplicantSectionStates(ApplicantRepository applicants, LastImport lastImport) {
    this.applicants = applicants;
    this.lastImport = lastImport;
  }

  @Override
  public Set<String> sections() {
    return Set.of("applicants");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    List<Applicant> all = applicants.list(session.id());
    long eligible = all.stream().filter(Applicant::eligible).count();
    List<String> lines = new ArrayList<>();
    lines.add(all.isEmpty() ? "尚未导入申报人员名单" : "已导入申报人员 " + all.size() + " 人：资格审查通过 "
        + eligible + " 人，不通过 " + (all.size() - eligible) + " 人");
    lastImport.line(session.id(), ApplicantImportService.KIND).ifPresent(lines::add);
    return lines;
  }
}
