package cn.gx.titlereview.training;

import static cn.gx.titlereview.workflow.ArchiveContribution.ArchivedDocument.generated;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.ArchiveContribution;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The experts' scanned pledges (附件2) and the pledge sheet, experts by code only, for the archive package. */
@Component
@Order(30)
class PledgeArchiveDocuments implements ArchiveContribution {

  private final PledgeRepository pledges;
  private final ExpertPledgeSheets sheets;

  PledgeArchiveDocuments(PledgeRepository pledges, ExpertPledgeSheets sheets) {
    this.pledges = pledges;
    this.sheets = sheets;
  }

  @Override
  public List<ArchivedDocument> documents(ReviewSession session) {
    List<ArchivedDocument> documents = new ArrayList<>();
    for (PledgeRepository.Scan scan : pledges.scanFiles(session.id())) {
      documents.add(new ArchivedDocument("pledges/" + scan.storedName(), "EXPERT_PLEDGE", scan.fileName(),
          scan.content()));
    }
    documents.add(generated("generated/评审专家工作守则.pdf", "EXPERT_PLEDGE", sheets.pdf(session, false)));
    return documents;
  }
}
