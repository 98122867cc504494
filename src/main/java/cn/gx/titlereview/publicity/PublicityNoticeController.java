package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 公示公告 of a round as a printable page, .docx and PDF, and its list as .xlsx. Public once published. */
@Controller
class PublicityNoticeController {

  private final SessionAccess access;
  private final PublicityNotice notices;
  private final PublicityNoticeDocx docx;

  PublicityNoticeController(SessionAccess access, PublicityNotice notices, PublicityNoticeDocx docx) {
    this.access = access;
    this.notices = notices;
    this.docx = docx;
  }

  @GetMapping("/sessions/{code}/publicity/{round}/notice")
  public String page(@PathVariable String code, @PathVariable int round, Model model) {
    model.addAttribute("notice", notices.of(access.forGroups(code, SessionController.READERS), round));
    model.addAttribute("pdf", false);
    return "publicity-notice";
  }

  @GetMapping("/sessions/{code}/publicity/{round}/notice.docx")
  public ResponseEntity<byte[]> word(@PathVariable String code, @PathVariable int round) {
    PublicityNotice.Notice notice = notices.of(access.forGroups(code, SessionController.READERS), round);
    return Downloads.docx(name(notice), docx.write(notice));
  }

  @GetMapping("/sessions/{code}/publicity/{round}/notice.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable int round) {
    PublicityNotice.Notice notice = notices.of(access.forGroups(code, SessionController.READERS), round);
    return Downloads.pdf(name(notice), notices.pdf(notice));
  }

  @GetMapping("/sessions/{code}/publicity/{round}/list.xlsx")
  public ResponseEntity<byte[]> list(@PathVariable String code, @PathVariable int round) {
    PublicityNotice.Notice notice = notices.of(access.forGroups(code, SessionController.READERS), round);
    return Downloads.xlsx(name(notice) + "-名单", notices.workbook(notice));
  }

  private static String name(PublicityNotice.Notice notice) {
    return notice.session().code() + "-第" + notice.round() + "次公示";
  }
}
