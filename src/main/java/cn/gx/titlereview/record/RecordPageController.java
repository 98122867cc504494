package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.publicity.PublicityNotice;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.transparency.TransparencyLog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The record form as a printable A4 page, as a .docx for units that file it in Word, and as PDF. */
@Controller
class RecordPageController {

  private final SessionAccess access;
  private final RecordService records;
  private final RecordPrint.Factory prints;
  private final RecordDocx docx;
  private final RecordPdf pdf;
  private final PublicityNotice notices;
  private final TransparencyLog transparencyLog;

  RecordPageController(SessionAccess access, RecordService records, RecordPrint.Factory prints,
      RecordDocx docx, RecordPdf pdf, PublicityNotice notices, TransparencyLog transparencyLog) {
    this.access = access;
    this.records = records;
    this.prints = prints;
    this.docx = docx;
    this.pdf = pdf;
    this.notices = notices;
    this.transparencyLog = transparencyLog;
  }

  @GetMapping("/sessions/{code}/record")
  public String page(@PathVariable String code, Model model) {
    ReviewSession session = access.forGroups(code, RecordController.READERS);
    model.addAttribute("print", prints.of(records.form(session)));
    model.addAttribute("pdf", false);
    model.addAttribute("rounds", notices.rounds(session));
    // Beside the signatures, each sealed fact's leaf and the latest checkpoint that includes it (outside the record).
    model.addAttribute("sealed", transparencyLog.provedOf(session.code()));
    return "record";
  }

  @GetMapping("/sessions/{code}/record.docx")
  public ResponseEntity<byte[]> word(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, RecordController.READERS);
    return Downloads.docx(session.code() + "-评审情况记录表", docx.write(records.form(session)));
  }

  @GetMapping("/sessions/{code}/record.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, RecordController.READERS);
    return Downloads.pdf(session.code() + "-评审情况记录表", pdf.write(records.form(session)));
  }
}
