package cn.gx.titlereview.library;

import cn.gx.titlereview.library.LibraryRepository.Row;
import cn.gx.titlereview.library.LibraryRepository.Version;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Committee;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a committee's library, always as one new version with who and when: an import of the whole library
 * (.xlsx or JSON) is first shown as its differences — added, changed, leaving — and applied only when confirmed,
 * against the version it was previewed on; a single change (暂停, 恢复, 出库, 更正) is a version of its own. A refused
 * import or change writes nothing.
 */
@Service
public class LibraryService {

  /** At most this many experts of each kind are listed in a preview; the counts are always whole. */
  static final int LISTED = 200;

  static final String IMPORT = "导入";
  static final String CHANGE = "修改";
  static final String MIGRATION = "迁入";

  /** An expert of the library as answers and pages show him: contacts masked. */
  public record ExpertLine(String expertCode, String name, String employer, String specialty, String title,
      String phone, String email, String status, String statusReason, LocalDate statusDate, LocalDate termStart,
      LocalDate termEnd, int sinceVersion) {

    static ExpertLine of(Row r) {
      return new ExpertLine(r.expertCode(), r.name(), r.employer(), r.specialty(), r.title(), r.phoneMasked(),
          r.emailMasked(), r.status(), r.statusReason(), r.statusDate(), r.termStart(), r.termEnd(), r.fromVersion());
    }
  }

  /** One expert in a preview, with what changes for him (contacts masked). */
  public record Difference(String expertCode, String name, List<String> changes) {
  }

  /** What confirming the file would do; nothing is written before. */
  public record Preview(String committeeCode, int baseVersion, String fileName, String sha256, int rows, int added,
      int changed, int leaving, List<Difference> addedExperts, List<Difference> changedExperts,
      List<Difference> leavingExperts) {
  }

  /** A version as answers show it. */
  public record VersionView(int version, String kind, String summary, String fileName, String fileSha256, int added,
      int changed, int leaving, int expertCount, String createdBy, java.time.Instant createdAt) {

    static VersionView of(Version v) {
      return new VersionView(v.version(), v.kind(), v.summary(), v.fileName(), v.fileSha256(), v.added(),
          v.changed(), v.leaving(), v.expertCount(), v.createdBy(), v.createdAt());
    }
  }

  /** A single change: 暂停 / 出库 with reason and date, 恢复, or 更正 of one field. */
  public record Change(String action, String reason, LocalDate date, String field, String value) {
  }

  /** The fields a correction may change, by the key a request names them with, and their labels. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("name", "姓名");
    FIELDS.put("employer", "工作单位");
    FIELDS.put("specialty", "专业");
    FIELDS.put("title", "职称");
    FIELDS.put("phone", "电话");
    FIELDS.put("email", "电子邮箱");
    FIELDS.put("termStart", "聘期开始");
    FIELDS.put("termEnd", "聘期结束");
  }

  private final LibraryRepository library;
  private final TableReader reader;
  private final Contacts contacts;
  private final AuditTrail audit;
  private final Clock clock;

  LibraryService(LibraryRepository library, TableReader reader, Contacts contacts, AuditTrail audit, Clock clock) {
    this.library = library;
    this.reader = reader;
    this.contacts = contacts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The subject of the library's lines in the audit trail. */
  public static String subject(Committee committee) {
    return "评委库 " + committee.code();
  }

  /** What the import would change. */
  private record Plan(List<LibraryEntry> added, List<Changed> changed, List<Row> leaving, int rows) {

    boolean empty() {
      return added.isEmpty() && changed.isEmpty() && leaving.isEmpty();
    }
  }

  private record Changed(Row was, LibraryEntry is, List<String> changes) {
  }

  @Transactional(readOnly = true)
  public Preview preview(Committee committee, ImportFile file) {
    int base = library.currentVersion(committee.id());
    Plan plan = plan(committee, read(file));
    return new Preview(committee.code(), base, file.fileName(), file.sha256(), plan.rows(), plan.added().size(),
        plan.changed().size(), plan.leaving().size(),
        plan.added().stream().limit(LISTED).map(e -> new Difference(e.code(), e.name(), List.of("新增"))).toList(),
        plan.changed().stream().limit(LISTED).map(c -> new Difference(c.was().expertCode(), c.is().name(),
            c.changes())).toList(),
        plan.leaving().stream().limit(LISTED).map(r -> new Difference(r.expertCode(), r.name(), List.of("出库（全库名单中未列出）")))
            .toList());
  }

  /**
   * Applies the previewed file as the next version, refused (409, nothing written) when the library moved since the
   * preview ({@code baseVersion}) or the file is not the one previewed ({@code sha256}).
   */
  @Transactional
  public VersionView apply(Committee committee, ImportFile file, int baseVersion, String sha256, String user) {
    int current = library.currentVersion(committee.id());
    if (current != baseVersion) {
      throw BusinessException.conflict("专家库在预览之后已变为第 " + current + " 版（预览时为第 " + baseVersion
          + " 版），请重新预览后再确认");
    }
    if (sha256 != null && !sha256.isBlank() && !sha256.equals(file.sha256())) {
      throw BusinessException.conflict("确认的文件与预览的文件不同，请重新预览");
    }
    Plan plan = plan(committee, read(file));
    if (plan.empty()) {
      throw BusinessException.badRequest("文件与专家库第 " + current + " 版相同，没有需要确认的变化");
    }
    int version = current + 1;
    LocalDate today = LocalDate.now(clock);
    List<Long> closed = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>(plan.added().size() + plan.changed().size() + plan.leaving().size());
    for (LibraryEntry e : plan.added()) {
      rows.add(LibraryRepository.values(committee.id(), version, e.code(), e.name(), e.employer(), e.specialty(),
          e.title(), contacts.seal(e.phone(), e.email()), e.status(), null, null, e.termStart(), e.termEnd()));
    }
    for (Changed c : plan.changed()) {
      closed.add(c.was().id());
      LibraryEntry e = c.is();
      boolean sameContact = sameContact(c.was(), e);
      rows.add(LibraryRepository.values(committee.id(), version, e.code(), e.name(), e.employer(), e.specialty(),
          e.title(), sameContact ? sealed(c.was()) : contacts.seal(e.phone(), e.email()), e.status(),
          c.was().status().equals(e.status()) ? c.was().statusReason() : null,
          c.was().status().equals(e.status()) ? c.was().statusDate() : today, e.termStart(), e.termEnd()));
    }
    for (Row r : plan.leaving()) {
      closed.add(r.id());
      rows.add(LibraryRepository.copy(r, committee.id(), version, Map.of("status", ExpertColumns.LEFT,
          "status_reason", "全库导入时未列出", "status_date", today)));
    }
    String summary = "导入全库 " + plan.rows() + " 人：新增 " + plan.added().size() + " 人，变更 " + plan.changed().size()
        + " 人，出库 " + plan.leaving().size() + " 人";
    Version v = new Version(committee.id(), version, IMPORT, summary, file.fileName(), file.sha256(),
        plan.added().size(), plan.changed().size(), plan.leaving().size(), plan.rows(), user, clock.instant());
    write(committee, v, closed, rows);
    return VersionView.of(v);
  }

  /** One change of one expert, as its own version. */
  @Transactional
  public VersionView change(Committee committee, String expertCode, Change change, String user) {
    Row r = library.current(committee.id(), expertCode)
        .orElseThrow(() -> BusinessException.notFound("专家库中没有编号为 " + expertCode + " 的专家"));
    String action = change.action() == null ? "" : change.action().strip();
    LocalDate date = change.date() != null ? change.date() : LocalDate.now(clock);
    String reason = change.reason() == null ? null : change.reason().strip();
    Map<String, Object> columns = new HashMap<>();
    String what;
    switch (action) {
      case "暂停", "出库" -> {
        if (reason == null || reason.isEmpty()) {
          throw BusinessException.badRequest(action + "须注明原因（reason）");
        }
        if (action.equals(r.status())) {
          throw BusinessException.conflict(r.expertCode() + " " + r.name() + " 已是" + action + "状态");
        }
        columns.put("status", action.equals("暂停") ? ExpertColumns.SUSPENDED : ExpertColumns.LEFT);
        columns.put("status_reason", reason);
        columns.put("status_date", date);
        what = action + " " + r.expertCode() + " " + r.name() + "（" + reason + "，" + date + "）";
      }
      case "恢复" -> {
        if (ExpertColumns.ACTIVE.equals(r.status())) {
          throw BusinessException.conflict(r.expertCode() + " " + r.name() + " 已在库");
        }
        columns.put("status", ExpertColumns.ACTIVE);
        columns.put("status_reason", reason);
        columns.put("status_date", date);
        what = "恢复在库 " + r.expertCode() + " " + r.name() + (reason == null ? "" : "（" + reason + "）");
      }
      case "更正" -> what = correct(r, change, columns);
      default -> throw BusinessException.badRequest("操作（action）应为 暂停、恢复、出库 或 更正，实际为“" + action + "”");
    }
    int version = library.currentVersion(committee.id()) + 1;
    int count = library.count(committee.id());
    boolean wasIn = r.inLibrary();
    boolean isIn = !ExpertColumns.LEFT.equals(columns.getOrDefault("status", r.status()));
    count += (isIn ? 1 : 0) - (wasIn ? 1 : 0);
    Version v = new Version(committee.id(), version, CHANGE, what, null, null, 0, 1, wasIn && !isIn ? 1 : 0, count,
        user, clock.instant());
    List<Object[]> row = new ArrayList<>();
    row.add(LibraryRepository.copy(r, committee.id(), version, columns));
    write(committee, v, List.of(r.id()), row);
    return VersionView.of(v);
  }

  private String correct(Row r, Change change, Map<String, Object> columns) {
    String field = change.field() == null ? "" : change.field().strip();
    String label = FIELDS.get(field);
    if (label == null) {
      throw BusinessException.badRequest("可更正的字段（field）为 " + String.join("、", FIELDS.keySet()) + "，实际为“"
          + field + "”");
    }
    String value = change.value() == null ? "" : change.value().strip();
    if (value.isEmpty() && !field.equals("email")) {
      throw BusinessException.badRequest(label + "不能为空");
    }
    switch (field) {
      case "phone" -> {
        Contacts.Sealed sealed = contacts.seal(value, null);
        columns.put("phone", sealed.phone());
        columns.put("phone_masked", sealed.phoneMasked());
        return "更正 " + r.expertCode() + " " + r.name() + " 的电话为 " + sealed.phoneMasked();
      }
      case "email" -> {
        Contacts.Sealed sealed = contacts.seal(null, value.isEmpty() ? null : value);
        columns.put("email", sealed.email());
        columns.put("email_masked", sealed.emailMasked());
        return "更正 " + r.expertCode() + " " + r.name() + " 的电子邮箱";
      }
      case "termStart", "termEnd" -> {
        LocalDate day;
        try {
          day = LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
          throw BusinessException.badRequest(label + "应为 yyyy-MM-dd 格式的日期，实际为“" + value + "”");
        }
        columns.put(field.equals("termStart") ? "term_start" : "term_end", day);
      }
      default -> columns.put(field, value);
    }
    return "更正 " + r.expertCode() + " " + r.name() + " 的" + label + "为“" + value + "”";
  }

  private void write(Committee committee, Version v, List<Long> closed, List<Object[]> rows) {
    try {
      library.insertVersion(v);
    } catch (DuplicateKeyException e) {
      throw BusinessException.conflict("专家库刚刚已由他人修改为第 " + v.version() + " 版，请刷新后重试");
    }
    library.close(closed, v.version());
    library.insert(rows);
    audit.record(AuditKind.CHANGE, subject(committee), "第 " + v.version() + " 版：" + v.summary());
  }

  private List<LibraryEntry> read(ImportFile file) {
    return reader.read(file, ExpertColumns.LIBRARY, ExpertColumns.CODE, LibraryEntry::of);
  }

  private Plan plan(Committee committee, List<LibraryEntry> entries) {
    Map<String, Row> current = library.current(committee.id()).stream()
        .collect(Collectors.toMap(Row::expertCode, Function.identity()));
    List<LibraryEntry> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    for (LibraryEntry e : entries) {
      Row was = current.get(e.code());
      if (was == null) {
        added.add(e);
        continue;
      }
      List<String> changes = changes(was, e);
      if (!changes.isEmpty()) {
        changed.add(new Changed(was, e, changes));
      }
    }
    Set<String> listed = entries.stream().map(LibraryEntry::code).collect(Collectors.toSet());
    List<Row> leaving = current.values().stream().filter(r -> r.inLibrary() && !listed.contains(r.expertCode()))
        .sorted(java.util.Comparator.comparing(Row::expertCode)).toList();
    return new Plan(added, changed, leaving, entries.size());
  }

  private List<String> changes(Row was, LibraryEntry is) {
    List<String> changes = new ArrayList<>();
    if (!was.inLibrary()) {
      changes.add("重新入库（原" + was.status() + (was.statusReason() == null ? "" : "：" + was.statusReason()) + "）");
    }
    field(changes, "姓名", was.name(), is.name());
    field(changes, "工作单位", was.employer(), is.employer());
    field(changes, "专业", was.specialty(), is.specialty());
    field(changes, "职称", was.title(), is.title());
    if (was.inLibrary()) {
      field(changes, "状态", was.status(), is.status());
    }
    field(changes, "聘期开始", was.termStart(), is.termStart());
    field(changes, "聘期结束", was.termEnd(), is.termEnd());
    if (!Objects.equals(contacts.open(was.phone()), is.phone())) {
      changes.add("电话：" + was.phoneMasked() + " → " + Contacts.maskPhone(is.phone()));
    }
    if (!Objects.equals(contacts.open(was.email()), is.email())) {
      changes.add("电子邮箱：" + (was.emailMasked() == null ? "无" : was.emailMasked()) + " → "
          + (is.email() == null ? "无" : Contacts.maskEmail(is.email())));
    }
    return changes;
  }

  private static void field(List<String> changes, String label, Object was, Object is) {
    if (!Objects.equals(was, is)) {
      changes.add(label + "：" + (was == null ? "无" : was) + " → " + (is == null ? "无" : is));
    }
  }

  private boolean sameContact(Row was, LibraryEntry is) {
    return Objects.equals(contacts.open(was.phone()), is.phone()) && Objects.equals(contacts.open(was.email()),
        is.email());
  }

  private static Contacts.Sealed sealed(Row r) {
    return new Contacts.Sealed(r.phone(), r.phoneMasked(), r.email(), r.emailMasked());
  }
}
