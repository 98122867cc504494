package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.record.SignatureRepository.Signature;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The record's facts, their hash, and each signature with whether it still matches them. */
@RestController
public class RecordController {

  private final SessionAccess access;
  private final RecordService records;
  private final SignatureRepository signatures;

  public RecordController(SessionAccess access, RecordService records, SignatureRepository signatures) {
    this.access = access;
    this.records = records;
    this.signatures = signatures;
  }

  @GetMapping("/api/sessions/{code}/record")
  public Map<String, Object> record(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD,
        Groups.APPROVER);
    String sha256 = records.sha256(session);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("facts", records.facts(session));
    record.put("sha256", sha256);
    List<Map<String, Object>> signed = signatures.list(session.id()).stream().map(s -> signature(s, sha256)).toList();
    record.put("signatures", signed);
    return record;
  }

  private static Map<String, Object> signature(Signature s, String current) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("role", s.role());
    view.put("signedBy", s.signedBy());
    view.put("signedAt", s.signedAt());
    view.put("recordSha256", s.recordSha256());
    view.put("valid", s.recordSha256().equals(current));
    return view;
  }
}
