package cn.gx.titlereview.administration;

import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditQuery;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.PersonNames;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the audit administrator asks of the trail, and nobody else may: the lines about a session, an account, a kind,
 * a period; the chain check; the export. Reading the trail is itself a line of the trail (who watched the watchers).
 */
@Service
class AuditReading {

  /** The page and the API show at most this many lines, newest first; the export takes more. */
  static final int SHOWN = 500;
  static final int EXPORTED = 50_000;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

  /** One line as people read it: the person named, the kind in words. */
  record Line(long seq, String at, String actor, String actorName, String actorLabel, String kind, String kindLabel,
      String subject, String detail, String address) {
  }

  /** The lines found, newest first; {@code truncated} when more matched than are shown. */
  record Lines(int count, boolean truncated, List<Line> lines) {
  }

  /** The question, as the page's fields and the API's parameters give it. */
  record Question(String session, String account, String kind, String from, String to) {

    String describe() {
      StringBuilder text = new StringBuilder();
      if (session != null && !session.isBlank()) {
        text.append("评审会 ").append(session.trim()).append(" ");
      }
      if (account != null && !account.isBlank()) {
        text.append("账号 ").append(account.trim()).append(" ");
      }
      if (kind != null && !kind.isBlank()) {
        text.append(kind.trim()).append(" ");
      }
      if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
        text.append(blankTo(from, "开始")).append(" 至 ").append(blankTo(to, "今")).append(" ");
      }
      return text.isEmpty() ? "全部" : text.toString().trim();
    }
  }

  private final AuditTrail trail;
  private final CurrentUser currentUser;
  private final PersonNames names;

  AuditReading(AuditTrail trail, CurrentUser currentUser, PersonNames names) {
    this.trail = trail;
    this.currentUser = currentUser;
    this.names = names;
  }

  /** Only the audit administrator; not the bootstrap administrator, not the other two (三员分立). */
  void requireAuditor() {
    String user = currentUser.id();
    if (user == null) {
      throw new BusinessException(org.springframework.http.HttpStatus.UNAUTHORIZED, "未登录");
    }
    if (!currentUser.isIn(Groups.AUDIT_ADMIN)) {
      throw BusinessException.forbidden("账号 " + user + " 无权查阅审计记录：审计记录只由安全审计员（"
          + Groups.AUDIT_ADMIN + "）查阅");
    }
  }

  Lines find(Question question, int limit) {
    requireAuditor();
    List<AuditEntry> found = trail.search(query(question), limit + 1);
    trail.record(AuditKind.CONFIDENTIAL_READ, "audit", "查阅审计记录：" + question.describe());
    return lines(found, limit);
  }

  byte[] export(Question question) {
    requireAuditor();
    List<AuditEntry> found = trail.search(query(question), EXPORTED);
    trail.record(AuditKind.EXPORT, "audit", "导出审计记录：" + question.describe() + "，" + found.size() + " 条");
    List<Line> lines = lines(found, EXPORTED).lines();
    return Workbooks.write(Workbooks.Table.of("审计记录",
        List.of("序号", "时间", "账号", "人员", "类别", "对象", "内容", "来源地址"),
        lines.stream().map(l -> List.<Object>of(l.seq(), l.at(), l.actor(), l.actorLabel(), l.kindLabel(),
            l.subject(), l.detail(), l.address() == null ? "" : l.address())).toList()));
  }

  AuditTrail.ChainCheck check() {
    requireAuditor();
    AuditTrail.ChainCheck check = trail.check();
    trail.record(AuditKind.CONFIDENTIAL_READ, "audit", "校验审计记录链：" + (check.intact() ? "完整" : "发现问题"));
    return check;
  }

  private Lines lines(List<AuditEntry> found, int limit) {
    List<AuditEntry> shown = found.stream().limit(limit).toList();
    PersonNames.Book book = names.book(shown.stream().map(AuditEntry::actor).distinct().toList());
    return new Lines(shown.size(), found.size() > limit, shown.stream()
        .map(e -> new Line(e.seq(), SECONDS.format(e.at()), e.actor(), book.name(e.actor()), book.labelWithAccount(e.actor()),
            e.kind().name(), e.kind().label(), e.subject(), e.detail(), e.address()))
        .toList());
  }

  private static AuditQuery query(Question q) {
    return new AuditQuery(blank(q.session()), blank(q.account()), kind(q.kind()),
        date(q.from(), "from") == null ? null : date(q.from(), "from").atStartOfDay(CHINA).toInstant(),
        date(q.to(), "to") == null ? null : date(q.to(), "to").plusDays(1).atStartOfDay(CHINA).toInstant());
  }

  private static AuditKind kind(String text) {
    String kind = blank(text);
    if (kind == null) {
      return null;
    }
    return Arrays.stream(AuditKind.values()).filter(k -> k.name().equalsIgnoreCase(kind) || k.label().equals(kind))
        .findFirst().orElseThrow(() -> BusinessException.badRequest("类别 kind：“" + kind + "”不是审计记录的类别，应为 "
            + Arrays.stream(AuditKind.values()).map(AuditKind::name).collect(Collectors.joining(" / ")) + " 之一"));
  }

  private static LocalDate date(String text, String field) {
    String date = blank(text);
    try {
      return date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw BusinessException.badRequest((field.equals("from") ? "起始日期 from" : "截止日期 to") + "：“" + date
          + "”不是日期，应写作 2026-12-01");
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String blankTo(String text, String otherwise) {
    return text == null || text.isBlank() ? otherwise : text.trim();
  }
}
