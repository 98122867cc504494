package cn.gx.titlereview.publicity;

import static cn.gx.titlereview.workflow.ArchiveContribution.ArchivedDocument.generated;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.ArchiveContribution;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Each publicity round's notice, for the archive package. */
@Component
@Order(40)
class PublicityArchiveDocuments implements ArchiveContribution {

  private final PublicityNotice notices;

  PublicityArchiveDocuments(PublicityNotice notices) {
    this.notices = notices;
  }

  @Override
  public List<ArchivedDocument> documents(ReviewSession session) {
    return notices.rounds(session).stream()
        .map(round -> generated("generated/公示公告-第" + round + "次.pdf", "PUBLICITY",
            notices.pdf(notices.of(session, round))))
        .toList();
  }
}
