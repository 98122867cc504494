package cn.gx.titlereview.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A Word document laid out as a 职改办 files it: A4 portrait with the margins of GB/T 9704-2012 (《党政机关公文格式》:
 * top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, so a text block of 156 × 225 mm), 「第 x 页 共 y 页」 centred in
 * the footer, and Chinese fonts named for the East Asian script: 黑体 for titles, 仿宋 for running text, 宋体 in
 * tables — fonts every Windows has since Vista. Sizes are given in points (三号 16, 小二 18, 四号 14, 小四 12, 五号 10.5).
 */
public final class OfficialDocx {

  public static final String HEITI = "黑体";
  public static final String FANGSONG = "仿宋";
  public static final String SONGTI = "宋体";

  /** A4 in twentieths of a point (w:pgSz). */
  public static final int PAGE_WIDTH = 11906;
  public static final int PAGE_HEIGHT = 16838;
  /** GB/T 9704 margins in twips: 37, 35, 28 and 26 mm. */
  public static final int MARGIN_TOP = 2098;
  public static final int MARGIN_BOTTOM = 1984;
  public static final int MARGIN_LEFT = 1588;
  public static final int MARGIN_RIGHT = 1474;
  /** The page number sits in the bottom margin, 20 mm above the page's edge. */
  static final int FOOTER = 1134;
  public static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

  private final XWPFDocument doc = new XWPFDocument();

  private OfficialDocx() {
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(MARGIN_TOP));
    margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    margins.setHeader(BigInteger.valueOf(851));
    margins.setFooter(BigInteger.valueOf(FOOTER));
    margins.setGutter(BigInteger.ZERO);
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FANGSONG);
    fonts.setHAnsi(FANGSONG);
    fonts.setEastAsia(FANGSONG);
    fonts.setCs(FANGSONG);
    doc.createStyles().setDefaultFonts(fonts);
    pageNumbers();
  }

  /** A new A4 document with GB/T 9704 margins and page numbers. */
  public static OfficialDocx a4() {
    return new OfficialDocx();
  }

  public XWPFDocument document() {
    return doc;
  }

  public XWPFParagraph paragraph(ParagraphAlignment alignment, String text, String font, double size, boolean bold) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingAfter(0);
    if (text != null) {
      lines(p, text, font, size, bold);
    }
    return p;
  }

  /** The text in one run per line, each line but the last ended by a line break. */
  public static void lines(XWPFParagraph p, String text, String font, double size, boolean bold) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun run = run(p, lines[i], font, size, bold);
      if (i < lines.length - 1) {
        run.addBreak();
      }
    }
  }

  public static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
    run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
    run.setFontSize(size);
    run.setBold(bold);
    return run;
  }

  /** A table of fixed column widths (twips, summing to at most {@link #TEXT_WIDTH}) with single black borders. */
  public XWPFTable table(int... widths) {
    XWPFTable table = doc.createTable();
    CTTblPr properties = table.getCTTbl().getTblPr();
    CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
    layout.setType(STTblLayoutType.FIXED);
    table.setWidth(String.valueOf(Arrays.stream(widths).sum()));
    properties.getTblW().setType(STTblWidth.DXA);
    CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int width : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(width));
    }
    table.setTopBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
    table.setBottomBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
    table.setLeftBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
    table.setRightBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
    table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setCellMargins(40, 90, 40, 90);
    table.removeRow(0);
    return table;
  }

  /**
   * A new last row of the table whose cells span the given numbers of grid columns; each cell's width is the sum of
   * the columns it spans.
   */
  public static XWPFTableRow row(XWPFTable table, int[] widths, int... spans) {
    XWPFTableRow row = table.insertNewTableRow(table.getNumberOfRows());
    int column = 0;
    for (int span : spans) {
      XWPFTableCell cell = row.addNewTableCell();
      int width = 0;
      for (int i = column; i < column + span; i++) {
        width += widths[i];
      }
      CTTcPr properties = properties(cell);
      properties.addNewTcW().setW(BigInteger.valueOf(width));
      properties.getTcW().setType(STTblWidth.DXA);
      if (span > 1) {
        properties.addNewGridSpan().setVal(BigInteger.valueOf(span));
      }
      column += span;
    }
    return row;
  }

  /** Merges a cell with the one above ({@code first = false}) or starts a vertical merge. */
  public static void mergeDown(XWPFTableCell cell, boolean first) {
    properties(cell).addNewVMerge().setVal(first ? STMerge.RESTART : STMerge.CONTINUE);
  }

  /** Writes the text into the cell's first paragraph, centred vertically; returns that paragraph. */
  public static XWPFParagraph cell(XWPFTableCell cell, String text, ParagraphAlignment alignment, String font,
      double size, boolean bold) {
    cell.setVerticalAlignment(XWPFVertAlign.CENTER);
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(alignment);
    p.setSpacingAfter(0);
    if (text != null && !text.isEmpty()) {
      lines(p, text, font, size, bold);
    }
    return p;
  }

  /** Keeps the paragraph on the page of the one after it (a heading with its text). */
  public static void keepWithNext(XWPFParagraph p) {
    (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewKeepNext();
  }

  /** A row at least this high (twips), never split across pages. */
  public static void atLeast(XWPFTableRow row, int twips) {
    row.setHeight(twips);
    row.setHeightRule(TableRowHeightRule.AT_LEAST);
    row.setCantSplitRow(true);
  }

  public byte[] bytes() {
    try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 「第 x 页 共 y 页」 with Word's PAGE and NUMPAGES fields. */
  private void pageNumbers() {
    XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph p = footer.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, "第 ", SONGTI, 10.5, false);
    field(p, "PAGE");
    run(p, " 页 共 ", SONGTI, 10.5, false);
    field(p, "NUMPAGES");
    run(p, " 页", SONGTI, 10.5, false);
  }

  private static void field(XWPFParagraph p, String instruction) {
    CTSimpleField field = p.getCTP().addNewFldSimple();
    field.setInstr(instruction + " \\* MERGEFORMAT");
    CTR r = field.addNewR();
    CTRPr properties = r.addNewRPr();
    CTFonts fonts = properties.addNewRFonts();
    fonts.setEastAsia(SONGTI);
    fonts.setAscii(SONGTI);
    properties.addNewSz().setVal(BigInteger.valueOf(21));
    r.addNewT().setStringValue("1");
  }

  private static CTTcPr properties(XWPFTableCell cell) {
    return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
  }
}
