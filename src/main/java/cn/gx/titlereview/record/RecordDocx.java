package cn.gx.titlereview.record;

import cn.gx.titlereview.record.RecordForm.Basics;
import cn.gx.titlereview.record.RecordForm.Group;
import cn.gx.titlereview.record.RecordForm.Item;
import cn.gx.titlereview.record.RecordForm.Section;
import cn.gx.titlereview.record.RecordForm.SignatureView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.stereotype.Component;

/**
 * The record form as a Word document, laid out like the official table of 附件1: one row per group, the section
 * title merged down its rows, each item with its answer in brackets and its evidence beneath.
 */
@Component
public class RecordDocx {

  private static final String FONT = "宋体";

  public byte[] write(RecordForm form) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      text(doc.createParagraph(), "附件1", 12, true);
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      text(title, form.title(), 16, true);

      XWPFTable table = doc.createTable(1, 4);
      table.setWidth("100%");
      XWPFTableRow first = table.getRow(0);
      cell(first.getCell(0), "评委会名称", true);
      cell(first.getCell(1), form.session().committeeName(), false);
      cell(first.getCell(2), "评审基本情况", true);
      cell(first.getCell(3), basics(form.basics()), false);
      for (Section section : form.sections()) {
        for (int g = 0; g < section.groups().size(); g++) {
          Group group = section.groups().get(g);
          XWPFTableRow row = table.createRow();
          cell(row.getCell(0), g == 0 ? section.title() : "", true);
          merge(row.getCell(0), g == 0 ? STMerge.RESTART : STMerge.CONTINUE);
          cell(row.getCell(1), group.title(), true);
          items(row.getCell(2), group.items());
          span(row, 2, 2);
        }
      }
      XWPFTableRow notes = table.createRow();
      cell(notes.getCell(0), "其它需要说明的情况", true);
      cell(notes.getCell(1), form.notes().isEmpty() ? "无" : String.join("\n", form.notes()), false);
      span(notes, 1, 3);
      XWPFTableRow signatures = table.createRow();
      cell(signatures.getCell(0), "评委会组建单位负责人签字(盖章)", true);
      cell(signatures.getCell(1), signature(form.signature(SignRecordListener.UNIT_HEAD)), false);
      cell(signatures.getCell(2), "评委会组建单位监督员签字", true);
      cell(signatures.getCell(3), signature(form.signature(SignRecordListener.SUPERVISOR)), false);
      if (!form.inspections().isEmpty()) {
        text(doc.createParagraph(), "督查情况（记录表签字后发生，不属于签字内容）：" + String.join("；", form.inspections()), 8,
            false);
      }
      if (form.afterSigning() != null && !form.afterSigning().isEmpty()) {
        text(doc.createParagraph(), "签字后的抽查复核与结果确认（不属于签字内容）：" + String.join("；", form.afterSigning()),
            8, false);
      }
      if (!form.adjustments().isEmpty()) {
        text(doc.createParagraph(), "本记录表为调整版，与附件1默认版的不同：" + String.join("；", form.adjustments()), 8,
            false);
      }
      text(doc.createParagraph(), "记录表版本：" + form.version() + "；评审会编号：" + form.session().code()
          + "；内容 SHA-256：" + form.sha256() + "；归档包签名公钥指纹：" + form.archiveKeyFingerprint(), 8, false);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String basics(Basics b) {
    return "申报人数：" + b.applicants() + " 通过人数：" + orPending(b.passed()) + " 评审总通过率："
        + orPending(b.passRate()) + "；其中体制内事业单位：" + orPending(b.passRatePublicInstitutions()) + "，企业及其他："
        + orPending(b.passRateEnterprises()) + "。复核存在问题人数：" + orPending(b.recheckProblems());
  }

  private static String orPending(Object value) {
    return value == null ? Answer.NOT_REACHED : value.toString();
  }

  private static String signature(SignatureView signature) {
    return signature == null ? "\n日期：" : signature.signedBy()
        + (signature.valid() ? "" : "（签字后记录已变更，签字失效，须重新签字）") + "\n日期：" + signature.date();
  }

  private static void items(XWPFTableCell cell, List<Item> items) {
    cell.removeParagraph(0);
    for (Item item : items) {
      XWPFParagraph p = cell.addParagraph();
      run(p, item.line(), 10, false);
      XWPFParagraph evidence = cell.addParagraph();
      run(evidence, (item.attested() ? "【填报】" : "【系统记录】") + item.evidence(), 7, false);
    }
  }

  private static void cell(XWPFTableCell cell, String value, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    String[] lines = value.split("\n");
    for (int i = 0; i < lines.length; i++) {
      XWPFRun run = run(p, lines[i], 10, bold);
      if (i < lines.length - 1) {
        run.addBreak();
      }
    }
  }

  /** Makes the cell at {@code from} span {@code count} grid columns, removing the cells it covers. */
  private static void span(XWPFTableRow row, int from, int count) {
    for (int i = 1; i < count; i++) {
      row.removeCell(from + 1);
    }
    CTTcPr properties = row.getCell(from).getCTTc().isSetTcPr() ? row.getCell(from).getCTTc().getTcPr()
        : row.getCell(from).getCTTc().addNewTcPr();
    properties.addNewGridSpan().setVal(BigInteger.valueOf(count));
  }

  private static void merge(XWPFTableCell cell, STMerge.Enum mode) {
    CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    properties.addNewVMerge().setVal(mode);
  }

  private static void text(XWPFParagraph p, String value, int size, boolean bold) {
    run(p, value, size, bold);
  }

  private static XWPFRun run(XWPFParagraph p, String value, int size, boolean bold) {
    XWPFRun run = p.createRun();
    run.setText(value);
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    return run;
  }
}
