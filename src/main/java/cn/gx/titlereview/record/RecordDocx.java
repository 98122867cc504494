package cn.gx.titlereview.record;

import static cn.gx.titlereview.platform.document.OfficialDocx.HEITI;
import static cn.gx.titlereview.platform.document.OfficialDocx.SONGTI;
import static cn.gx.titlereview.platform.document.OfficialDocx.cell;
import static cn.gx.titlereview.platform.document.OfficialDocx.mergeDown;
import static cn.gx.titlereview.platform.document.OfficialDocx.row;
import static cn.gx.titlereview.platform.document.OfficialDocx.run;

import cn.gx.titlereview.platform.document.OfficialDocx;
import cn.gx.titlereview.record.RecordForm.Group;
import cn.gx.titlereview.record.RecordForm.Item;
import cn.gx.titlereview.record.RecordForm.Section;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/**
 * 附件1 as a Word document laid out like the plan's table, on A4 with GB/T 9704 margins: 「附件1」 and the title in
 * 黑体, the table in 宋体 五号 with each answer's evidence in small print after it, the column header repeated on every
 * page, and a signature row tall enough for a handwritten signature and the unit's seal under the printed names.
 */
@Component
public class RecordDocx {

  /** Grid columns (twips): 环节, 项目, then three that the first and the signature rows divide differently. */
  static final int[] COLUMNS = {1134, 1361, 1928, 1134, OfficialDocx.TEXT_WIDTH - 1134 - 1361 - 1928 - 1134};
  static final double TEXT = 10.5;
  static final double EVIDENCE = 7;
  /** 40 mm: room for a signature and a 42 mm seal that may overlap the date, as seals do. */
  static final int SIGNATURE_HEIGHT = 2268;

  private final RecordPrint.Factory prints;

  public RecordDocx(RecordPrint.Factory prints) {
    this.prints = prints;
  }

  public byte[] write(RecordForm form) {
    return write(prints.of(form));
  }

  byte[] write(RecordPrint print) {
    RecordForm form = print.form();
    OfficialDocx docx = OfficialDocx.a4();
    docx.paragraph(ParagraphAlignment.LEFT, "附件1", HEITI, 16, false);
    XWPFParagraph title = docx.paragraph(ParagraphAlignment.CENTER, String.join("\n", print.titleLines()), HEITI, 18,
        false);
    title.setSpacingBefore(120);
    title.setSpacingAfter(240);

    XWPFTable table = docx.table(COLUMNS);
    XWPFTableRow header = row(table, COLUMNS, 1, 1, 3);
    header.setRepeatHeader(true);
    label(header.getCell(0), "环节");
    label(header.getCell(1), "项目");
    label(header.getCell(2), "检查事项及情况（括号内为检查结果，小字为系统记录的依据）");

    XWPFTableRow first = row(table, COLUMNS, 1, 2, 1, 1);
    label(first.getCell(0), "评委会名称");
    label(first.getCell(1), form.session().committeeName());
    label(first.getCell(2), "评审基本情况");
    cell(first.getCell(3), print.basics(), ParagraphAlignment.LEFT, SONGTI, TEXT, false);

    List<Section> sections = form.sections();
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      boolean last = s == sections.size() - 1;
      for (int g = 0; g < section.groups().size(); g++) {
        Group group = section.groups().get(g);
        XWPFTableRow row = row(table, COLUMNS, 1, 1, 3);
        label(row.getCell(0), g == 0 ? section.title() : "");
        mergeDown(row.getCell(0), g == 0);
        label(row.getCell(1), group.title());
        items(print, row.getCell(2), group.items());
      }
      if (last) {
        // 其它需要说明的情况 closes the last section, as in the plan's table.
        XWPFTableRow notes = row(table, COLUMNS, 1, 1, 3);
        label(notes.getCell(0), "");
        mergeDown(notes.getCell(0), section.groups().isEmpty());
        label(notes.getCell(1), "其它需要说明的情况");
        notes(print, notes.getCell(2));
      }
    }

    XWPFTableRow signatures = row(table, COLUMNS, 1, 2, 1, 1);
    OfficialDocx.atLeast(signatures, SIGNATURE_HEIGHT);
    for (int i = 0; i < print.signers().size(); i++) {
      RecordPrint.Signer signer = print.signers().get(i);
      label(signatures.getCell(2 * i), signer.title());
      signature(signatures.getCell(2 * i + 1), signer);
    }

    for (String line : footnotes(print)) {
      XWPFParagraph p = docx.paragraph(ParagraphAlignment.LEFT, line, SONGTI, EVIDENCE, false);
      p.setSpacingBefore(60);
    }
    return docx.bytes();
  }

  private static List<String> footnotes(RecordPrint print) {
    RecordForm form = print.form();
    List<String> lines = new ArrayList<>();
    if (!form.adjustments().isEmpty()) {
      lines.add("本记录表为调整版（监管方案 四），与附件1默认版的不同：" + String.join("；", form.adjustments())
          + "。调整记录表不改变系统的合规检查：法定要求照常执行。");
    }
    if (!form.inspections().isEmpty()) {
      lines.add("督查情况（记录表签字后发生，不属于签字内容）：" + String.join("；", print.inspections()));
    }
    if (!print.afterSigning().isEmpty()) {
      lines.add("签字后的抽查复核与结果确认（不属于签字内容）：" + String.join("；", print.afterSigning()));
    }
    lines.add(print.footnote());
    return lines;
  }

  private static void label(XWPFTableCell cell, String text) {
    cell(cell, text, ParagraphAlignment.CENTER, SONGTI, TEXT, false);
  }

  private static void items(RecordPrint print, XWPFTableCell cell, List<Item> items) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        p = cell.addParagraph();
      }
      p.setSpacingAfter(20);
      Item item = items.get(i);
      run(p, item.line(), SONGTI, TEXT, false);
      evidence(p, (item.attested() ? " 【填报】" : " 【系统记录】") + print.evidence(item));
    }
  }

  private static void notes(RecordPrint print, XWPFTableCell cell) {
    List<String> notes = new ArrayList<>(print.notes());
    if (notes.isEmpty()) {
      notes.add("无");
    }
    XWPFParagraph p = cell.getParagraphs().get(0);
    for (int i = 0; i < notes.size(); i++) {
      if (i > 0) {
        p = cell.addParagraph();
      }
      p.setSpacingAfter(0);
      evidence(p, notes.get(i)).setColor("000000");
    }
    evidence(cell.addParagraph(), print.pledges()).setColor("000000");
  }

  private static XWPFRun evidence(XWPFParagraph p, String text) {
    XWPFRun run = run(p, text, SONGTI, EVIDENCE, false);
    run.setColor("404040");
    return run;
  }

  /** Name and 职务 printed, then blank room to sign (and seal), then the date. */
  private static void signature(XWPFTableCell cell, RecordPrint.Signer signer) {
    XWPFParagraph name = cell(cell, "姓名：" + (signer.signed() ? signer.name() : ""), ParagraphAlignment.LEFT,
        SONGTI, TEXT, false);
    cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.TOP);
    name.setSpacingBefore(60);
    OfficialDocx.lines(cell.addParagraph(), "职务：" + (signer.jobTitle() == null ? "" : signer.jobTitle()), SONGTI,
        TEXT, false);
    XWPFParagraph space = cell.addParagraph();
    space.setSpacingBefore(signer.seal() ? 480 : 600);
    run(space, "签字：", SONGTI, TEXT, false);
    if (signer.seal()) {
      XWPFParagraph seal = cell.addParagraph();
      seal.setAlignment(ParagraphAlignment.RIGHT);
      seal.setSpacingBefore(240);
      run(seal, "（盖章）", SONGTI, TEXT, false);
    }
    XWPFParagraph date = cell.addParagraph();
    date.setSpacingBefore(signer.seal() ? 120 : 600);
    run(date, "日期：" + (signer.signed() ? signer.date() : "　　　　年　　月　　日"), SONGTI, TEXT, false);
    if (signer.signed()) {
      evidence(cell.addParagraph(), signer.valid() ? "已在系统中签字确认（账号 " + signer.userId() + "）"
          : "签字后记录已变更，签字失效，须重新签字").setColor(signer.valid() ? "404040" : "A00000");
    }
  }
}
