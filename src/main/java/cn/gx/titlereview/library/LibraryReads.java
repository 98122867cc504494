package cn.gx.titlereview.library;

import cn.gx.titlereview.library.LibraryService.ExpertLine;
import cn.gx.titlereview.library.LibraryService.VersionView;
import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a library: a page of its experts (contacts masked), its versions, its export, and the access log of the
 * library and its sessions. Each read of names and each export is written to the audit trail (not per session:
 * subject 「评委库 code」), which the supervisors read here.
 */
@Service
public class LibraryReads {

  static final int PAGE = 100;
  static final int LOG_LINES = 500;

  /** The library as its page shows it. */
  public record LibraryView(String committeeCode, String committeeName, VersionView version, int expertCount,
      boolean keeper, String query, int page, int pages, List<ExpertLine> experts, List<VersionView> versions) {
  }

  private final LibraryRepository library;
  private final LibraryAccess access;
  private final Contacts contacts;
  private final AuditTrail audit;
  private final Jurisdiction jurisdiction;
  private final CurrentUser currentUser;
  private final JdbcClient jdbc;

  LibraryReads(LibraryRepository library, LibraryAccess access, Contacts contacts, AuditTrail audit,
      Jurisdiction jurisdiction, CurrentUser currentUser, JdbcClient jdbc) {
    this.library = library;
    this.access = access;
    this.contacts = contacts;
    this.audit = audit;
    this.jurisdiction = jurisdiction;
    this.currentUser = currentUser;
    this.jdbc = jdbc;
  }

  /** One page of the current library (100 experts), filtered by code, name, employer or specialty. */
  @Transactional
  public LibraryView view(String code, String query, int page) {
    Committee committee = access.forRead(code);
    String text = query == null ? "" : query.strip();
    int current = library.currentVersion(committee.id());
    int count = library.count(committee.id());
    List<ExpertLine> experts = library.current(committee.id(), text, Math.max(0, page) * PAGE, PAGE).stream()
        .map(ExpertLine::of).toList();
    audit.record(AuditKind.CONFIDENTIAL_READ, LibraryService.subject(committee), "专家库名单第 " + (page + 1) + " 页"
        + (text.isEmpty() ? "" : "（查找“" + text + "”）") + "，联系方式已遮蔽");
    return new LibraryView(committee.code(), committee.name(),
        library.version(committee.id(), current).map(VersionView::of).orElse(null), count,
        access.isKeeper(committee), text, Math.max(0, page), Math.max(1, (count + PAGE - 1) / PAGE), experts,
        library.versions(committee.id()).stream().limit(50).map(VersionView::of).toList());
  }

  /** A spreadsheet export of the name and file name; logged. */
  public record Export(String fileName, byte[] content) {
  }

  /**
   * The current library as .xlsx: whole contacts only when the exporter keeps the library, none otherwise; every
   * export is logged.
   */
  @Transactional
  public Export export(String code) {
    Committee committee = access.forRead(code);
    boolean withContacts = access.isKeeper(committee);
    int version = library.currentVersion(committee.id());
    List<String> headers = new ArrayList<>(List.of("专家编号", "姓名", "工作单位", "专业", "职称", "状态", "状态原因",
        "状态日期", "聘期开始", "聘期结束"));
    if (withContacts) {
      headers.addAll(List.of("电话", "电子邮箱"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (LibraryRepository.Row r : library.current(committee.id())) {
      List<Object> row = new ArrayList<>(List.of(r.expertCode(), r.name(), r.employer(), r.specialty(), r.title(),
          r.status(), text(r.statusReason()), text(r.statusDate()), text(r.termStart()), text(r.termEnd())));
      if (withContacts) {
        row.add(text(contacts.open(r.phone())));
        row.add(text(contacts.open(r.email())));
      }
      rows.add(row);
    }
    audit.record(AuditKind.EXPORT, LibraryService.subject(committee), "导出专家库第 " + version + " 版 " + rows.size()
        + " 行" + (withContacts ? "（含完整联系方式，导出人为专家库维护人员）" : "（不含联系方式）"));
    return new Export(committee.code() + "-评委库-第" + version + "版.xlsx",
        Workbooks.write(Workbooks.Table.of("评委库", headers, rows)));
  }

  /**
   * Who read or exported the library and its sessions' confidential data, newest first: for the committee's
   * supervisors (the organising unit's 纪检监督 and heads) and the approving unit and the 职改办 above it.
   */
  public List<AuditEntry> accessLog(String code) {
    Committee committee = access.committee(code);
    Set<Capacity> standing = jurisdiction.capacities(currentUser.id(), committee);
    boolean supervisor = (currentUser.isIn(Groups.SUPERVISOR) || currentUser.isIn(Groups.UNIT_HEAD))
        && standing.contains(Capacity.ORGANISER);
    boolean approving = (currentUser.isIn(Groups.APPROVER) || currentUser.isIn(Groups.DEPT_HEAD))
        && (standing.contains(Capacity.APPROVER) || standing.contains(Capacity.SUPERVISING_OFFICE));
    if (!currentUser.isIn(Groups.ADMIN) && !supervisor && !approving) {
      throw BusinessException.forbidden("评委会 " + code + " 的查阅记录只能由其纪检监督人员、核准单位和上级职改办查看");
    }
    List<String> subjects = new ArrayList<>(jdbc.sql("select code from review_session where committee_id = ?")
        .param(committee.id()).query(String.class).list());
    subjects.add(LibraryService.subject(committee));
    return audit.about(subjects, LOG_LINES);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
