package cn.gx.titlereview.record;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The record form as a printable A4 page, and as a .docx for units that file it in Word. */
@Controller
public class RecordPageController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final SessionAccess access;
  private final RecordService records;
  private final RecordDocx docx;

  public RecordPageController(SessionAccess access, RecordService records, RecordDocx docx) {
    this.access = access;
    this.records = records;
    this.docx = docx;
  }

  @GetMapping("/sessions/{code}/record")
  public String page(@PathVariable String code, Model model) {
    model.addAttribute("form", records.form(access.forGroups(code, RecordController.READERS)));
    return "record";
  }

  @GetMapping("/sessions/{code}/record.docx")
  public ResponseEntity<byte[]> word(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, RecordController.READERS);
    RecordForm form = records.form(session);
    return ResponseEntity.ok().contentType(DOCX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(session.code() + "-评审情况记录表.docx", StandardCharsets.UTF_8).build().toString())
        .body(docx.write(form));
  }
}
