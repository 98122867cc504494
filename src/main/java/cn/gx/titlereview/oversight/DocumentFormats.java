package cn.gx.titlereview.oversight;

import static cn.gx.titlereview.platform.document.OfficialDocx.FANGSONG;
import static cn.gx.titlereview.platform.document.OfficialDocx.HEITI;
import static cn.gx.titlereview.platform.document.OfficialDocx.SONGTI;

import cn.gx.titlereview.platform.document.OfficialDocx;
import cn.gx.titlereview.platform.document.PdfRenderer;
import cn.gx.titlereview.platform.document.Workbooks;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * An {@link OversightDocument} as an official .docx (A4, GB/T 9704: 黑体 title and headings, 仿宋 text, 宋体 tables),
 * as PDF (the page's own template, rendered on the server) and as .xlsx (one sheet per table).
 */
@Component
class DocumentFormats {

  static final String TEMPLATE = "oversight-document";
  private static final double TABLE_TEXT = 9;

  private final PdfRenderer pdf;

  DocumentFormats(PdfRenderer pdf) {
    this.pdf = pdf;
  }

  byte[] docx(OversightDocument document) {
    OfficialDocx docx = OfficialDocx.a4();
    XWPFParagraph title = docx.paragraph(ParagraphAlignment.CENTER, document.title(), HEITI, 18, false);
    title.setSpacingAfter(240);
    for (String line : document.subtitle()) {
      docx.paragraph(ParagraphAlignment.CENTER, line, FANGSONG, 14, false);
    }
    for (OversightDocument.Part part : document.parts()) {
      XWPFParagraph heading = docx.paragraph(ParagraphAlignment.LEFT, part.heading(), HEITI, 16, false);
      heading.setSpacingBefore(240);
      OfficialDocx.keepWithNext(heading);
      for (String text : part.paragraphs()) {
        XWPFParagraph p = docx.paragraph(ParagraphAlignment.BOTH, text, FANGSONG, 14, false);
        p.setIndentationFirstLine(560);
      }
      part.tables().forEach(table -> table(docx, table));
    }
    return docx.bytes();
  }

  private static void table(OfficialDocx docx, Workbooks.Table table) {
    int columns = table.headers().size();
    int[] widths = new int[columns];
    int total = java.util.Arrays.stream(table.widths()).sum();
    for (int c = 0; c < columns; c++) {
      widths[c] = OfficialDocx.TEXT_WIDTH * table.widths()[c] / total;
    }
    XWPFParagraph caption = docx.paragraph(ParagraphAlignment.CENTER, table.name(), HEITI, 10.5, false);
    caption.setSpacingBefore(120);
    OfficialDocx.keepWithNext(caption);
    XWPFTable t = docx.table(widths);
    int[] spans = new int[columns];
    java.util.Arrays.fill(spans, 1);
    XWPFTableRow header = OfficialDocx.row(t, widths, spans);
    header.setRepeatHeader(true);
    for (int c = 0; c < columns; c++) {
      OfficialDocx.cell(header.getCell(c), table.headers().get(c), ParagraphAlignment.CENTER, SONGTI, TABLE_TEXT,
          true);
    }
    for (List<Object> values : table.rows()) {
      XWPFTableRow row = OfficialDocx.row(t, widths, spans);
      row.setCantSplitRow(true);
      for (int c = 0; c < columns; c++) {
        Object value = c < values.size() ? values.get(c) : null;
        OfficialDocx.cell(row.getCell(c), value == null ? "" : value.toString(),
            value instanceof Number ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT, SONGTI, TABLE_TEXT, false);
      }
    }
  }

  byte[] pdf(OversightDocument document) {
    Context context = new Context();
    context.setVariable("document", document);
    return pdf.render(TEMPLATE, context);
  }

  byte[] xlsx(OversightDocument document) {
    return Workbooks.write(document.tables());
  }
}
