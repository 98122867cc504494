package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.SessionAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The record form as JSON: every item with its answer and evidence, the hash, and the signatures' validity. */
@RestController
public class RecordController {

  static final String[] READERS = {Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER};

  private final SessionAccess access;
  private final RecordService records;

  public RecordController(SessionAccess access, RecordService records) {
    this.access = access;
    this.records = records;
  }

  @GetMapping("/api/sessions/{code}/record")
  public RecordForm record(@PathVariable String code) {
    return records.form(access.forGroups(code, READERS));
  }
}
