package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.document.PdfRenderer;
import java.util.List;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * 附件1 as PDF for the archive and for printing without a browser: the record page's own template, rendered on the
 * server with the shipped font, so that the PDF and the page cannot drift apart.
 */
@Component
class RecordPdf {

  private final RecordPrint.Factory prints;
  private final PdfRenderer renderer;
  private final TemplateEngine templates;

  RecordPdf(RecordPrint.Factory prints, PdfRenderer renderer, TemplateEngine templates) {
    this.prints = prints;
    this.renderer = renderer;
    this.templates = templates;
  }

  public byte[] write(RecordForm form) {
    return renderer.render("record", context(form));
  }

  /** The page as self-contained HTML (no toolbar, script or font download), as the archive keeps it. */
  public String html(RecordForm form) {
    Context context = context(form);
    context.setVariable("pdf", true);
    return templates.process("record", context);
  }

  private Context context(RecordForm form) {
    Context context = new Context();
    context.setVariable("print", prints.of(form));
    context.setVariable("rounds", List.of());
    return context;
  }
}
