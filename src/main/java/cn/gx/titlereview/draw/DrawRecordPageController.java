package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionRepository;
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
  private final SessionRepository sessions;
  private final DrawRecordSheet sheets;
  private final DrawRecordDocx docx;

  DrawRecordPageController(SessionAccess access, SessionRepository sessions, DrawRecordSheet sheets,
      DrawRecordDocx docx) {
    this.access = access;
    this.sessions = sessions;
    this.sheets = sheets;
    this.docx = docx;
  }

  @GetMapping("/sessions/{code}/draw-record")
  public String page(@PathVariable String code, Model model) {
    model.addAttribute("sheet", sheets.of(confidential(code), true));
    model.addAttribute("pdf", false);
    return "draw-record";
  }

  @GetMapping("/sessions/{code}/draw-record.docx")
  public ResponseEntity<byte[]> word(@PathVariable String code) {
    ReviewSession session = confidential(code);
    return Downloads.docx(session.code() + "-随机抽取评委记录单", docx.write(sheets.of(session, true)));
  }

  @GetMapping("/sessions/{code}/draw-record.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String code) {
    ReviewSession session = confidential(code);
    return Downloads.pdf(session.code() + "-随机抽取评委记录单", sheets.pdf(sheets.of(session, true)));
  }

  private ReviewSession confidential(String code) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    if (!access.isIn(Groups.SUPERVISOR) && !access.isIn(Groups.ADMIN)
        && !sessions.staff(session.id()).contains(access.userId())) {
      throw BusinessException.forbidden("抽取记录保密：账号 " + access.userId() + " 不是评审会 " + code + " 的工作人员");
    }
    return session;
  }
}
