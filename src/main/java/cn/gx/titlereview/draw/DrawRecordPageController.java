package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 随机抽取评委记录单 as a printable page, .docx and PDF (see {@link DrawRecordSheet}). It names experts: session staff
 * and supervisors only.
 */
@Controller
class DrawRecordPageController {

  private final SessionAccess access;
  private final DrawRecordSheet sheets;
  private final DrawRecordDocx docx;

  DrawRecordPageController(SessionAccess access, DrawRecordSheet sheets,
      DrawRecordDocx docx) {
    this.access = access;
    this.sheets = sheets;
    this.docx = docx;
  }

  @GetMapping("/sessions/{code}/draw-record")
  public String page(@PathVariable String code, Model model) {
    model.addAttribute("sheet", sheets.of(access.forConfidential(code, "随机抽取评委记录单"), true));
    model.addAttribute("pdf", false);
    return "draw-record";
  }

  @GetMapping("/sessions/{code}/draw-record.docx")
  public ResponseEntity<byte[]> word(@PathVariable String code) {
    ReviewSession session = access.forConfidential(code, "随机抽取评委记录单（Word）");
    return Downloads.docx(session.code() + "-随机抽取评委记录单", docx.write(sheets.of(session, true)));
  }

  @GetMapping("/sessions/{code}/draw-record.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String code) {
    ReviewSession session = access.forConfidential(code, "随机抽取评委记录单（PDF）");
    return Downloads.pdf(session.code() + "-随机抽取评委记录单", sheets.pdf(sheets.of(session, true)));
  }

}
