package cn.gx.titlereview.draw;

import static cn.gx.titlereview.platform.document.OfficialDocx.HEITI;
import static cn.gx.titlereview.platform.document.OfficialDocx.SONGTI;
import static cn.gx.titlereview.platform.document.OfficialDocx.cell;
import static cn.gx.titlereview.platform.document.OfficialDocx.row;

import cn.gx.titlereview.platform.document.OfficialDocx;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/** 随机抽取评委记录单 as a Word document: the page's content on A4 with GB/T 9704 margins, signature rows and a seal. */
@Component
class DrawRecordDocx {

  static final double TEXT = 10.5;
  static final double SMALL = 9;
  static final int[] FACTS = {1531, 2891, 1531, OfficialDocx.TEXT_WIDTH - 1531 - 2891 - 1531};
  static final int[] EXCLUDED = {1417, 1417, 1701, OfficialDocx.TEXT_WIDTH - 1417 - 1417 - 1701};
  static final int[] DRAWN = {1247, 567, 1134, 1020, 624, OfficialDocx.TEXT_WIDTH - 1247 - 567 - 1134 - 1020 - 624 - 1020,
      1020};
  static final int[] SIGN = {1134, OfficialDocx.TEXT_WIDTH / 2 - 1134, 1134, OfficialDocx.TEXT_WIDTH / 2 - 1134};

  public byte[] write(DrawRecordSheet.Sheet sheet) {
    OfficialDocx docx = OfficialDocx.a4();
    XWPFParagraph title = docx.paragraph(ParagraphAlignment.CENTER, String.join("\n", sheet.titleLines()), HEITI, 18,
        false);
    title.setSpacingAfter(240);
    var s = sheet.session();
    var draw = sheet.draw();
    XWPFTable facts = docx.table(FACTS);
    pair(facts, "评审会编号", s.code(), "评审级别", s.level());
    pair(facts, "计划评审日期", s.plannedReviewStart() + " 至 " + s.plannedReviewEnd(), "抽取时间",
        draw == null ? "尚未抽取" : sheet.drawnAt());
    if (draw != null) {
      pair(facts, "规定人数", "评委会 " + draw.panelSize() + " 人，每组不少于 " + draw.minPerGroup() + " 人，候补 "
          + draw.reserveCount() + " 人", "抽取范围", "在库专家 " + draw.poolSize() + " 人");
      wide(facts, "名单校验码", draw.poolSha256());
      wide(facts, "随机种子", draw.seedHex());
    }
    wide(facts, "抽取承诺", sheet.commitment());
    wide(facts, "纪检监督", sheet.supervision());

    heading(docx, "排除情况");
    XWPFTable excluded = docx.table(EXCLUDED);
    header(excluded, EXCLUDED, "专家编号", "姓名", "专业", "排除原因");
    for (DrawRecordSheet.Exclusion e : sheet.excluded()) {
      line(excluded, EXCLUDED, e.expertCode(), name(sheet, e.name()), e.specialty(), e.reason());
    }
    if (sheet.excluded().isEmpty()) {
      line(excluded, EXCLUDED, "无", "", "", "");
    }

    heading(docx, "抽取结果（按评议组和抽取顺序）");
    XWPFTable drawn = docx.table(DRAWN);
    header(drawn, DRAWN, "评议组", "顺序", "专家编号", "姓名", "身份", "通知与出席", "递补");
    for (DrawRecordSheet.Row r : sheet.rows()) {
      line(drawn, DRAWN, r.specialty(), String.valueOf(r.order()), r.expertCode(), name(sheet, r.name()), r.role(),
          r.response(), r.replaces());
    }

    heading(docx, "复算方法");
    XWPFParagraph verify = docx.paragraph(ParagraphAlignment.BOTH, sheet.verification(), OfficialDocx.FANGSONG, 12,
        false);
    verify.setFirstLineIndent(480);
    verify.setSpacingAfter(160);
    OfficialDocx.keepWithNext(verify);

    XWPFTable sign = docx.table(SIGN);
    List<DrawRecordSheet.Signer> signers = sheet.signers();
    XWPFTableRow names = row(sign, SIGN, 1, 1, 1, 1);
    OfficialDocx.atLeast(names, 1247);
    for (int i = 0; i < signers.size(); i++) {
      cell(names.getCell(2 * i), signers.get(i).title() + "签字", ParagraphAlignment.CENTER, SONGTI, TEXT, false);
      cell(names.getCell(2 * i + 1), "姓名：" + (signers.get(i).name() == null ? "" : signers.get(i).name()),
          ParagraphAlignment.LEFT, SONGTI, TEXT, false);
      names.getCell(2 * i + 1).setVerticalAlignment(XWPFTableCell.XWPFVertAlign.TOP);
    }
    XWPFTableRow dated = row(sign, SIGN, 1, 1, 1, 1);
    OfficialDocx.atLeast(dated, 1247);
    cell(dated.getCell(0), "日期", ParagraphAlignment.CENTER, SONGTI, TEXT, false);
    cell(dated.getCell(1), sheet.drawDate() == null ? "　　　　年　　月　　日" : sheet.drawDate(), ParagraphAlignment.LEFT,
        SONGTI, TEXT, false);
    cell(dated.getCell(2), "单位盖章", ParagraphAlignment.CENTER, SONGTI, TEXT, false);
    cell(dated.getCell(3), "（盖章）", ParagraphAlignment.RIGHT, SONGTI, TEXT, false);
    return docx.bytes();
  }

  private static String name(DrawRecordSheet.Sheet sheet, String name) {
    return sheet.withNames() ? name : "（保密）";
  }

  private static void heading(OfficialDocx docx, String text) {
    XWPFParagraph p = docx.paragraph(ParagraphAlignment.LEFT, text, HEITI, 12, false);
    p.setSpacingBefore(200);
    p.setSpacingAfter(80);
    OfficialDocx.keepWithNext(p);
  }

  private static void pair(XWPFTable table, String label1, String value1, String label2, String value2) {
    XWPFTableRow row = row(table, FACTS, 1, 1, 1, 1);
    cell(row.getCell(0), label1, ParagraphAlignment.CENTER, SONGTI, TEXT, false);
    cell(row.getCell(1), value1, ParagraphAlignment.LEFT, SONGTI, TEXT, false);
    cell(row.getCell(2), label2, ParagraphAlignment.CENTER, SONGTI, TEXT, false);
    cell(row.getCell(3), value2, ParagraphAlignment.LEFT, SONGTI, TEXT, false);
  }

  private static void wide(XWPFTable table, String label, String value) {
    XWPFTableRow row = row(table, FACTS, 1, 3);
    cell(row.getCell(0), label, ParagraphAlignment.CENTER, SONGTI, TEXT, false);
    cell(row.getCell(1), value, ParagraphAlignment.LEFT, SONGTI, SMALL, false);
  }

  private static void header(XWPFTable table, int[] widths, String... labels) {
    XWPFTableRow row = line(table, widths, labels);
    row.setRepeatHeader(true);
  }

  private static XWPFTableRow line(XWPFTable table, int[] widths, String... values) {
    int[] spans = new int[values.length];
    Arrays.fill(spans, 1);
    XWPFTableRow row = row(table, widths, spans);
    for (int i = 0; i < values.length; i++) {
      cell(row.getCell(i), values[i] == null ? "" : values[i], ParagraphAlignment.LEFT, SONGTI, SMALL, false);
    }
    return row;
  }
}
