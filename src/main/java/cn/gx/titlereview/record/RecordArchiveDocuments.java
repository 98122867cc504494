package cn.gx.titlereview.record;

import static cn.gx.titlereview.workflow.ArchiveContribution.ArchivedDocument.generated;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.ArchiveContribution;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 附件1 as its page, .docx and PDF, for the archive package. */
@Component
@Order(10)
class RecordArchiveDocuments implements ArchiveContribution {

  private final RecordService records;
  private final RecordDocx docx;
  private final RecordPdf pdf;

  RecordArchiveDocuments(RecordService records, RecordDocx docx, RecordPdf pdf) {
    this.records = records;
    this.docx = docx;
    this.pdf = pdf;
  }

  @Override
  public List<ArchivedDocument> documents(ReviewSession session) {
    RecordForm form = records.form(session);
    return List.of(
        generated("generated/评审情况记录表.html", "RECORD_FORM", pdf.html(form).getBytes(StandardCharsets.UTF_8)),
        generated("generated/评审情况记录表.docx", "RECORD_FORM", docx.write(form)),
        generated("generated/评审情况记录表.pdf", "RECORD_FORM", pdf.write(form)));
  }
}
