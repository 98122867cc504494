package cn.gx.titlereview.recheck;

import static cn.gx.titlereview.workflow.ArchiveContribution.ArchivedDocument.generated;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.ArchiveContribution;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The results workbook (评审结果), for the archive package. */
@Component
@Order(50)
class ResultsArchiveDocuments implements ArchiveContribution {

  private final ResultsWorkbook results;

  ResultsArchiveDocuments(ResultsWorkbook results) {
    this.results = results;
  }

  @Override
  public List<ArchivedDocument> documents(ReviewSession session) {
    return List.of(generated("generated/评审结果.xlsx", "RESULTS", results.write(session)));
  }
}
