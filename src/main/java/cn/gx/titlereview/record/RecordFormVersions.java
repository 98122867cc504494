package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.importing.ColumnWidths;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.platform.web.JsonProblems;
import cn.gx.titlereview.record.RecordCatalogue.Catalogue;
import cn.gx.titlereview.record.RecordCatalogue.Group;
import cn.gx.titlereview.record.RecordCatalogue.Item;
import cn.gx.titlereview.record.RecordCatalogue.Section;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.session.ReviewSession;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjusted record forms (监管方案 四: 自主评审的评委会和中初级评委会主管部门可结合实际对记录表内容进行适当调整). A
 * version is a file of changes to the default form for one committee: reword an item, set one aside as not
 * applicable with a reason, or add one. A session freezes the version in force when it starts. Adjusting the form
 * changes what the record asks, never what the gates enforce.
 */
@Service
public class RecordFormVersions {

  static final List<String> ATTESTING_GROUPS = List.of(Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD,
      Groups.APPROVER);

  /** The published file. */
  public record Adjustment(String committeeName, String level, Boolean selfManaged, String label, String reason,
      List<Change> changes) {
  }

  /**
   * One change. {@code reword}: {@code item} (the current wording) gets {@code text}. {@code notApplicable}:
   * {@code item} is set aside for {@code reason}. {@code add}: a new item {@code text} in the group titled
   * {@code group}, answered by {@code fact} or attested under {@code key} by a user of {@code attestedBy}.
   */
  public record Change(String op, String item, String text, String reason, String group, String fact, String key,
      String attestedBy) {
  }

  public record Version(long id, String committeeName, int number, String label, Adjustment adjustment,
      String fileSha256, String publishedBy, Instant publishedAt) {

    public String title() {
      return label + "（" + committeeName + " 调整版第 " + number + " 版）";
    }
  }

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final RecordCatalogue catalogue;
  private final ObjectMapper json;
  private final Clock clock;
  private final ColumnWidths widths;

  public RecordFormVersions(JdbcClient jdbc, Jurisdiction jurisdiction, RecordCatalogue catalogue, ObjectMapper json,
      Clock clock, ColumnWidths widths) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.catalogue = catalogue;
    this.json = json;
    this.clock = clock;
    this.widths = widths;
  }

  /** Validates the whole file against the default form, then publishes it as the committee's next version. */
  @Transactional
  public Version publish(ImportFile file, String user) {
    Adjustment adjustment = read(file);
    List<String> problems = new ArrayList<>();
    if (blank(adjustment.committeeName())) {
      problems.add("「committeeName」评委会名称不能为空");
    } else {
      requireSupervisor(adjustment.committeeName(), user, problems);
    }
    if (blank(adjustment.label())) {
      problems.add("「label」版本名称不能为空");
    }
    if (!Boolean.TRUE.equals(adjustment.selfManaged())
        && (adjustment.level() == null || !ReviewSession.INTERMEDIATE_AND_JUNIOR.contains(adjustment.level()))) {
      problems.add("只有自主评审的评委会（selfManaged 为 true）或中级、初级评委会（level 为 中级 / 初级）可以调整记录表"
          + "（监管方案 四），本文件为 level “" + adjustment.level() + "”");
    }
    if (adjustment.changes() == null || adjustment.changes().isEmpty()) {
      problems.add("「changes」至少应有一项调整");
    } else {
      apply(adjustment, problems);
    }
    String stored = write(adjustment);
    widths.check(problems, "committeeName", adjustment.committeeName(), "record_form_version.committee_name");
    widths.check(problems, "label", adjustment.label(), "record_form_version.label");
    String tooLong = widths.tooLong(stored, "record_form_version.adjustment");
    if (tooLong != null) {
      problems.add("调整文件内容" + tooLong + "，请减少调整项");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    int number = jdbc.sql("select coalesce(max(version_number), 0) from record_form_version where committee_name = ?")
        .param(adjustment.committeeName()).query(Integer.class).single() + 1;
    jdbc.sql("""
            insert into record_form_version (committee_name, version_number, label, adjustment, file_sha256,
                                             published_by, published_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(adjustment.committeeName(), number, adjustment.label(), stored, file.sha256(), user,
            Timestamp.from(clock.instant()))
        .update();
    return latest(adjustment.committeeName()).orElseThrow();
  }

  /**
   * 监管方案 四（一）: the committee's 主管部门 adjusts its form — its approving unit or a 职改办 above it. The committee
   * must be registered under that name.
   */
  private void requireSupervisor(String committeeName, String user, List<String> problems) {
    List<Committee> named = jurisdiction.region().committees().stream()
        .filter(c -> c.name().equals(committeeName)).toList();
    if (named.isEmpty()) {
      problems.add("「committeeName」评委会“" + committeeName + "”未在评委会名录中登记");
    } else if (named.stream().noneMatch(c -> supervises(user, c))) {
      throw BusinessException.forbidden("账号 " + user + " 不能调整评委会“" + committeeName + "”的记录表：须为其核准单位或上级职改办的人员");
    }
  }

  private boolean supervises(String user, Committee committee) {
    Set<Capacity> standing = jurisdiction.capacities(user, committee);
    return standing.contains(Capacity.APPROVER) || standing.contains(Capacity.SUPERVISING_OFFICE);
  }

  /** The versions of the committees the user's organization stands towards. */
  public List<Version> visibleTo(String user) {
    Set<String> names = jurisdiction.committeesOf(user).stream().map(Committee::name)
        .collect(Collectors.toSet());
    return list().stream().filter(v -> names.contains(v.committeeName())).toList();
  }

  public List<Version> list() {
    return jdbc.sql("select * from record_form_version order by committee_name, version_number")
        .query((rs, n) -> version(rs)).list();
  }

  /** Freezes the version in force for a starting session: the committee's latest, if its form may be adjusted. */
  public void freeze(ReviewSession session) {
    if (!session.selfManaged() && !session.intermediateOrJunior()) {
      return;
    }
    latest(session.committeeName()).ifPresent(v -> jdbc.sql(
            "insert into session_record_form (session_id, version_id) values (?, ?)")
        .params(session.id(), v.id()).update());
  }

  public Optional<Version> frozen(long sessionId) {
    return jdbc.sql("""
            select v.* from record_form_version v join session_record_form s on s.version_id = v.id
            where s.session_id = ?""")
        .param(sessionId).query((rs, n) -> version(rs)).optional();
  }

  /** The form a session's record follows: the default, or the default with its frozen version's changes. */
  public Catalogue catalogueFor(ReviewSession session) {
    return catalogue(frozen(session.id()));
  }

  /** The form of a frozen version, or the default when there is none. */
  public Catalogue catalogue(Optional<Version> frozen) {
    return frozen.map(v -> {
      Catalogue adjusted = apply(v.adjustment(), new ArrayList<>());
      return new Catalogue(v.title(), adjusted.title(), adjusted.sections());
    }).orElse(catalogue.current());
  }

  /** What the version changes, item by item, in words for the record. */
  public List<String> differences(Version version) {
    return version.adjustment().changes().stream().map(c -> switch (c.op()) {
      case "reword" -> "改写：“" + c.item() + "”改为“" + c.text() + "”";
      case "notApplicable" -> "不适用：“" + c.item() + "”，理由：" + c.reason();
      default -> "新增：“" + c.text() + "”（" + c.group() + "，" + (c.fact() != null ? "由系统记录"
          : "由 " + c.attestedBy() + " 组填报") + "）";
    }).toList();
  }

  private Optional<Version> latest(String committeeName) {
    return jdbc.sql("select * from record_form_version where committee_name = ? order by version_number desc")
        .param(committeeName).query((rs, n) -> version(rs)).stream().findFirst();
  }

  /** The default form with the changes applied in order; each change that cannot apply is a problem. */
  private Catalogue apply(Adjustment adjustment, List<String> problems) {
    Catalogue base = catalogue.current();
    List<Section> sections = new ArrayList<>(base.sections());
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < adjustment.changes().size(); i++) {
      Change c = adjustment.changes().get(i);
      String where = "第 " + (i + 1) + " 项调整：";
      if (c == null) {
        problems.add(where + "应为 JSON 对象");
        continue;
      }
      switch (c.op() == null ? "" : c.op()) {
        case "reword" -> {
          if (blank(c.text())) {
            problems.add(where + "改写须提供新的表述 text");
          } else if (!replaceItem(sections, c.item(), item -> item.reworded(c.text().trim()))) {
            problems.add(where + "找不到记录表项“" + c.item() + "”");
          }
        }
        case "notApplicable" -> {
          if (blank(c.reason())) {
            problems.add(where + "标记不适用须注明理由 reason");
          } else if (!replaceItem(sections, c.item(), item -> item.setAside(c.reason().trim()))) {
            problems.add(where + "找不到记录表项“" + c.item() + "”");
          }
        }
        case "add" -> {
          String problem = added(c, keys);
          if (problem != null) {
            problems.add(where + problem);
          } else if (!addItem(sections, c.group(), new Item(c.text().trim(), c.fact(), c.key(), c.attestedBy(), null))) {
            problems.add(where + "找不到分组“" + c.group() + "”");
          }
        }
        default -> problems.add(where + "op 应为 reword / notApplicable / add 之一，实际为“" + c.op() + "”");
      }
    }
    return new Catalogue(base.version(), base.title(), sections);
  }

  private String added(Change c, Set<String> keys) {
    if (blank(c.text()) || blank(c.group())) {
      return "新增项须提供表述 text 和所属分组 group";
    }
    if (c.fact() != null) {
      return catalogue.factKeys().contains(c.fact()) ? null
          : "未知的系统记录 fact “" + c.fact() + "”（可用：" + String.join("、", catalogue.factKeys().stream().sorted().toList()) + "）";
    }
    if (blank(c.key()) || !c.key().matches("[A-Za-z][A-Za-z0-9_.-]{2,60}")) {
      return "新增的填报项须提供英文标识 key（字母开头，3–61 个字母、数字、._-）";
    }
    if (!keys.add(c.key())) {
      return "标识 key “" + c.key() + "”重复";
    }
    return ATTESTING_GROUPS.contains(c.attestedBy()) ? null
        : "填报组 attestedBy 应为 " + String.join(" / ", ATTESTING_GROUPS) + " 之一";
  }

  private static boolean replaceItem(List<Section> sections, String text, UnaryOperator<Item> change) {
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      for (int g = 0; g < section.groups().size(); g++) {
        Group group = section.groups().get(g);
        List<Item> items = new ArrayList<>(group.items());
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i).text().equals(text)) {
            items.set(i, change.apply(items.get(i)));
            replaceGroup(sections, s, g, new Group(group.title(), items));
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean addItem(List<Section> sections, String groupTitle, Item item) {
    for (int s = 0; s < sections.size(); s++) {
      for (int g = 0; g < sections.get(s).groups().size(); g++) {
        Group group = sections.get(s).groups().get(g);
        if (group.title().equals(groupTitle)) {
          List<Item> items = new ArrayList<>(group.items());
          items.add(item);
          replaceGroup(sections, s, g, new Group(group.title(), items));
          return true;
        }
      }
    }
    return false;
  }

  private static void replaceGroup(List<Section> sections, int s, int g, Group group) {
    List<Group> groups = new ArrayList<>(sections.get(s).groups());
    groups.set(g, group);
    sections.set(s, new Section(sections.get(s).title(), groups));
  }

  private Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
    try {
      return new Version(rs.getLong("id"), rs.getString("committee_name"), rs.getInt("version_number"),
          rs.getString("label"), json.readValue(rs.getString("adjustment"), Adjustment.class),
          rs.getString("file_sha256"), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("记录表调整版 " + rs.getLong("id") + " 无法读取", e);
    }
  }

  private Adjustment read(ImportFile file) {
    try {
      Adjustment adjustment = json.readValue(file.content(), Adjustment.class);
      if (adjustment == null) {
        throw new ImportException(List.of("文件 " + file.fileName() + " 应为一个 JSON 对象（记录表调整文件）"));
      }
      return adjustment;
    } catch (JsonProcessingException e) {
      throw new ImportException(List.of("文件 " + file.fileName() + " 不是有效的记录表调整文件（JSON）："
          + JsonProblems.describe(e)));
    } catch (IOException e) {
      throw new ImportException(List.of("文件 " + file.fileName() + " 无法读取"));
    }
  }

  private String write(Adjustment adjustment) {
    try {
      return json.writeValueAsString(adjustment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
