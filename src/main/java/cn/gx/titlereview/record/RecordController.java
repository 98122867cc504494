package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionController;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record form as JSON (every item with its answer and evidence, the hash, the signatures' validity), the items
 * an adjusted form added, and the adjusted forms themselves.
 */
@RestController
class RecordController {

  static final String[] READERS = SessionController.READERS;

  private final SessionAccess access;
  private final RecordService records;
  private final RecordFormVersions forms;
  private final AttestationRepository attestations;
  private final Clock clock;
  private final CurrentUser currentUser;

  RecordController(SessionAccess access, RecordService records, RecordFormVersions forms,
      AttestationRepository attestations, Clock clock, CurrentUser currentUser) {
    this.access = access;
    this.records = records;
    this.forms = forms;
    this.attestations = attestations;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/sessions/{code}/record")
  public RecordForm record(@PathVariable String code) {
    return records.form(access.forGroups(code, READERS));
  }

  public record ItemAnswer(String key, String value) {
  }

  /** Answers an item an adjusted form added: only a user of the item's group, and only items of this session's form. */
  @PostMapping("/api/sessions/{code}/record/items")
  public RecordForm answer(@PathVariable String code, @RequestBody ItemAnswer answer) {
    ReviewSession session = access.forWrite(code, READERS);
    RecordCatalogue.Item item = forms.catalogueFor(session).items()
        .filter(i -> i.group() != null && i.attestation().equals(answer.key())).findFirst()
        .orElseThrow(() -> BusinessException.badRequest("本评审会的记录表没有可填报的新增项 key “" + answer.key() + "”"));
    if (!access.isIn(item.group()) && !access.isIn(Groups.ADMIN)) {
      throw BusinessException.forbidden("“" + item.text() + "”由 " + item.group() + " 组填报");
    }
    if (answer.value() == null || answer.value().isBlank()) {
      throw BusinessException.badRequest("请填写 value（如 是 / 否 或说明）");
    }
    attestations.append(session.id(), item.attestation(), answer.value().trim(), access.userId(), clock.instant(),
        null);
    return records.form(session);
  }

  /** Publishes an adjusted record form for a committee (JSON file of changes; see RecordFormVersions). */
  @PostMapping("/api/record-forms")
  public FormVersion publish(HttpServletRequest request) {
    String user = currentUser.requireAnyGroup(Groups.APPROVER);
    RecordFormVersions.Version version = forms.publish(UploadReader.read(request), user);
    return described(version);
  }

  @GetMapping("/api/record-forms")
  public List<FormVersion> versions() {
    currentUser.requireAnyGroup(READERS);
    return (currentUser.isIn(Groups.ADMIN) ? forms.list() : forms.visibleTo(currentUser.id())).stream()
        .map(this::described).toList();
  }

  /** A version of 附件1 with its title and how it differs from the plan's form. */
  public record FormVersion(String title, RecordFormVersions.Version version, List<String> differences) {
  }

  private FormVersion described(RecordFormVersions.Version version) {
    return new FormVersion(version.title(), version, forms.differences(version));
  }
}
