package cn.gx.titlereview.publicity;

import static cn.gx.titlereview.platform.document.OfficialDocx.FANGSONG;
import static cn.gx.titlereview.platform.document.OfficialDocx.HEITI;
import static cn.gx.titlereview.platform.document.OfficialDocx.SONGTI;
import static cn.gx.titlereview.platform.document.OfficialDocx.cell;
import static cn.gx.titlereview.platform.document.OfficialDocx.row;

import cn.gx.titlereview.platform.document.OfficialDocx;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/**
 * 公示公告 as a Word document in the shape of a notice: title in 黑体, body in 仿宋 三号 with two characters' indent,
 * the list as a table with its header repeated, the issuing unit and the date at the right with room for the seal.
 */
@Component
class PublicityNoticeDocx {

  static final int[] LIST = {680, 1247, OfficialDocx.TEXT_WIDTH - 680 - 1247 - 1247 - 1701 - 1247, 1247, 1701, 1247};
  static final String[] HEADERS = {"序号", "姓名", "工作单位", "评审系列", "专业", "评审级别"};

  public byte[] write(PublicityNotice.Notice notice) {
    OfficialDocx docx = OfficialDocx.a4();
    XWPFParagraph title = docx.paragraph(ParagraphAlignment.CENTER, String.join("\n", notice.titleLines()), HEITI,
        18, false);
    title.setSpacingAfter(360);
    body(docx, notice.body());
    body(docx, "联系方式：" + notice.channel());
    body(docx, "附件：评审通过人员名单（共 " + notice.entries().size() + " 人）");

    XWPFParagraph issuer = docx.paragraph(ParagraphAlignment.RIGHT, notice.issuer(), FANGSONG, 16, false);
    issuer.setSpacingBefore(720);
    issuer.setIndentationRight(480);
    XWPFParagraph date = docx.paragraph(ParagraphAlignment.RIGHT, notice.date(), FANGSONG, 16, false);
    date.setIndentationRight(960);
    XWPFParagraph seal = docx.paragraph(ParagraphAlignment.RIGHT, "（盖章）", FANGSONG, 12, false);
    seal.setIndentationRight(1440);

    XWPFParagraph annex = docx.paragraph(ParagraphAlignment.LEFT, "附件", HEITI, 16, false);
    annex.setPageBreak(true);
    XWPFParagraph listTitle = docx.paragraph(ParagraphAlignment.CENTER, "评审通过人员名单", HEITI, 16, false);
    listTitle.setSpacingAfter(200);
    XWPFTable table = docx.table(LIST);
    XWPFTableRow header = row(table, LIST, 1, 1, 1, 1, 1, 1);
    header.setRepeatHeader(true);
    for (int i = 0; i < HEADERS.length; i++) {
      cell(header.getCell(i), HEADERS[i], ParagraphAlignment.CENTER, HEITI, 10.5, false);
    }
    for (PublicityNotice.Entry e : notice.entries()) {
      XWPFTableRow row = row(table, LIST, 1, 1, 1, 1, 1, 1);
      String[] values = {String.valueOf(e.number()), e.name(), e.employer(), e.series(), e.specialty(), e.level()};
      for (int i = 0; i < values.length; i++) {
        cell(row.getCell(i), values[i], i == 2 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER, SONGTI, 10.5,
            false);
      }
    }
    return docx.bytes();
  }

  private static void body(OfficialDocx docx, String text) {
    XWPFParagraph p = docx.paragraph(ParagraphAlignment.BOTH, text, FANGSONG, 16, false);
    p.setFirstLineIndent(640);
    p.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
  }
}
