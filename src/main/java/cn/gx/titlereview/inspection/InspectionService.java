package cn.gx.titlereview.inspection;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.draw.ReproducibleDraw;
import cn.gx.titlereview.inspection.InspectionRepository.Finding;
import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.inspection.InspectionRepository.Selection;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections (督查, 监管方案 三): opened on a session or a committee with their means and trigger; findings with a
 * rectification deadline in working days; the organising unit's answer, the inspector's verification, and
 * accountability measures recorded as text with the regulation they cite.
 */
@Service
public class InspectionService {

  public static final String PROCESS = "Inspection";
  /** 监管方案 三: the means the departments in charge use. */
  public static final List<String> MEANS = List.of("质询", "约谈", "现场观摩", "查阅资料", "交叉检查", "联合检查",
      "抽查复核", "委派第三方督查", "倒查", "复查", "事后抽查");
  public static final Map<String, String> TRIGGERS = new LinkedHashMap<>();

  static {
    TRIGGERS.put("ROUTINE", "例行督查");
    TRIGGERS.put("COMPLAINT", "信访线索");
    TRIGGERS.put("RANDOM", "随机抽取");
    // A committee's pass rate out of line with its peers or its past (监管方案 二（一）3): evidence, not a verdict.
    TRIGGERS.put("PASS_RATE", "通过率预警");
  }

  static final Column RULE = required("rule", "违反的规定", "inspection_finding.rule_text");
  static final Column RESPONSIBLE = required("responsible", "责任单位或责任人", "inspection_finding.responsible");
  static final Column RECTIFICATION = required("rectification", "整改要求", "inspection_finding.rectification");
  static final Column DEADLINE = required("deadlineWorkingDays", "整改期限（工作日）");
  static final int MAX_DEADLINE = 60;
  static final String SELECTION_GROUP = "sessions";

  /** What opens an inspection: exactly one of a session's code or a committee's code. */
  public record Request(String sessionCode, String committeeCode, List<String> means, String trigger,
      String triggerNote) {
  }

  /** The standings from which an organization inspects a committee (监管方案 三（二）). */
  static final Set<Capacity> INSPECTING = EnumSet.of(Capacity.APPROVER, Capacity.SUPERVISING_OFFICE,
      Capacity.GRANTEE);

  private final InspectionRepository inspections;
  private final CorrectionRepository corrections;
  private final SessionRepository sessions;
  private final Jurisdiction jurisdiction;
  private final TableReader reader;
  private final WorkingDayCalendar calendar;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final Clock clock;
  private final CryptoSettings crypto;
  private final SecureRandom random = new SecureRandom();

  public InspectionService(InspectionRepository inspections, CorrectionRepository corrections,
      SessionRepository sessions, Jurisdiction jurisdiction, TableReader reader, WorkingDayCalendar calendar,
      RuntimeService runtimeService, SystemAuthority system, Clock clock, CryptoSettings crypto) {
    this.inspections = inspections;
    this.corrections = corrections;
    this.sessions = sessions;
    this.jurisdiction = jurisdiction;
    this.reader = reader;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.system = system;
    this.clock = clock;
    this.crypto = crypto;
  }

  /** Opens an inspection and starts its process; every problem of the request is named at once. */
  @Transactional
  public Inspection open(Request request, Long selectionId, String user) {
    long id = insert(request, selectionId, user);
    Inspection inspection = inspections.find(id).orElseThrow();
    String processInstanceId = system.call(() -> runtimeService.startProcessInstanceByKey(PROCESS, "督查-" + id,
        Map.of("inspectionId", id, "inspectionTitle", title(inspection),
            "committeeCode", jurisdiction.region().committee(inspection.committeeId()).code())).getId());
    inspections.attachProcess(id, processInstanceId);
    return inspections.find(id).orElseThrow();
  }

  /** An inspection just opened, as callers outside this package see it. */
  public record Opened(long id, String title) {
  }

  /** Opens an inspection and starts its process (from a pass-rate flag, say); its id and title. */
  @Transactional
  public Opened open(Request request, String user) {
    Inspection inspection = open(request, null, user);
    return new Opened(inspection.id(), title(inspection));
  }

  /** Opens an inspection for a process already running (one started by a complaint clue). */
  @Transactional
  public Inspection openInProcess(Request request, String processInstanceId, String user) {
    long id = insert(request, null, user);
    inspections.attachProcess(id, processInstanceId);
    return inspections.find(id).orElseThrow();
  }

  private long insert(Request request, Long selectionId, String user) {
    List<String> problems = new ArrayList<>();
    boolean bySession = request.sessionCode() != null && !request.sessionCode().isBlank();
    boolean byCommittee = request.committeeCode() != null && !request.committeeCode().isBlank();
    ReviewSession session = null;
    Committee committee = null;
    if (bySession == byCommittee) {
      problems.add("请指定督查对象：评审会编号 sessionCode 或评委会编码 committeeCode，二者选一");
    } else if (bySession) {
      session = sessions.findByCode(request.sessionCode().trim()).orElse(null);
      if (session == null) {
        problems.add("评审会 " + request.sessionCode() + " 不存在");
      } else {
        committee = jurisdiction.region().committee(session.committeeId());
      }
    } else {
      committee = jurisdiction.region().committee(request.committeeCode().trim()).orElse(null);
      if (committee == null) {
        problems.add("评委会 " + request.committeeCode() + " 不存在");
      }
    }
    if (committee != null && user != null
        && jurisdiction.capacities(user, committee).stream().noneMatch(INSPECTING::contains)) {
      throw BusinessException.forbidden("账号 " + user + " 不能督查评委会“" + committee.name() + "”：须为其核准单位、上级职改办的人员，"
          + "或受核准单位授权检查的单位的人员");
    }
    if (request.means() == null || request.means().isEmpty()) {
      problems.add("请至少选择一种督查方式 means（" + String.join("、", MEANS) + "）");
    } else {
      request.means().stream().filter(m -> !MEANS.contains(m))
          .forEach(m -> problems.add("督查方式“" + m + "”不在监管方案所列方式之中"));
    }
    if (!TRIGGERS.containsKey(request.trigger())) {
      problems.add("督查起因 trigger 应为 " + String.join(" / ", TRIGGERS.keySet()) + " 之一");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    Long inspectingOrg = user == null ? null : jurisdiction.organizationOf(user).map(Organization::id).orElse(null);
    return inspections.insert(session == null ? null : session.id(), committee.id(),
        session == null ? committee.name() : session.committeeName(), inspectingOrg, request.means(),
        request.trigger(), request.triggerNote(), selectionId, user, clock.instant());
  }

  public String title(Inspection inspection) {
    String target = inspection.sessionId() == null ? "评委会“" + inspection.committeeName() + "”"
        : "评审会 " + sessions.get(inspection.sessionId()).code();
    return "督查 " + inspection.id() + "：" + target + "（" + TRIGGERS.get(inspection.trigger()) + "；"
        + String.join("、", inspection.means()) + "）";
  }

  /** Replaces the inspection's findings, all or nothing, until the inspector closes them. */
  @Transactional
  public int recordFindings(long inspectionId, ImportFile file) {
    Inspection inspection = get(inspectionId);
    if (inspection.findingsClosedAt() != null) {
      throw new ImportException(List.of("督查 " + inspectionId + " 的问题清单已确认，不能再修改"));
    }
    LocalDate firstDay = LocalDate.now(clock.withZone(PlatformConfig.ZONE)).plusDays(1);
    List<Finding> findings = reader.read(file, List.of(RULE, RESPONSIBLE, RECTIFICATION, DEADLINE), row -> {
      Integer days = row.integer(DEADLINE);
      if (days != null && (days < 1 || days > MAX_DEADLINE)) {
        row.problem(DEADLINE, "应为 1 至 " + MAX_DEADLINE + " 个工作日");
        days = null;
      }
      return new Finding(0, inspectionId, row.text(RULE), row.text(RESPONSIBLE), row.text(RECTIFICATION),
          days == null ? 0 : days, days == null ? null : calendar.nthWorkingDay(firstDay, days), null, null, null,
          null, null, null, null, null, null, null, null, null);
    });
    inspections.replaceFindings(inspectionId, findings);
    return findings.size();
  }

  /** The inspector confirms the findings and gives a conclusion; returns the ids each needing rectification. */
  @Transactional
  public List<Long> closeFindings(long inspectionId, String conclusion) {
    inspections.closeFindings(inspectionId, conclusion, clock.instant());
    return inspections.findings(inspectionId).stream().map(Finding::id).toList();
  }

  public Finding finding(long findingId) {
    return inspections.finding(findingId)
        .orElseThrow(() -> new IllegalArgumentException("整改事项 " + findingId + " 不存在"));
  }

  public void answer(long findingId, String answer, String user) {
    inspections.answer(findingId, answer, user, clock.instant());
  }

  public void escalate(long findingId) {
    inspections.escalate(findingId, clock.instant());
  }

  public void superviseOverdue(long findingId, String note, String user) {
    inspections.superviseOverdue(findingId, note, user);
  }

  public void verify(long findingId, boolean accepted, String note, String accountability, String regulation,
      String user) {
    inspections.verify(findingId, accepted, note, accountability, regulation, user, clock.instant());
  }

  public void conclude(long inspectionId) {
    inspections.conclude(inspectionId, clock.instant());
  }

  /**
   * The inspections of a session (on it, or on its committee) and their outcomes, a line each, for the record; each
   * correction of the session follows the inspection that recorded it.
   */
  public List<String> outcomes(ReviewSession session) {
    List<CorrectionRepository.Correction> ofSession = corrections.ofSession(session.id());
    return inspections.forSession(session.id(), session.committeeId()).stream().flatMap(i -> java.util.stream.Stream
        .concat(java.util.stream.Stream.of(outcome(i)), ofSession.stream().filter(c -> c.inspectionId() == i.id())
            .map(CorrectionRepository.Correction::describe))).toList();
  }

  private String outcome(Inspection i) {
    List<Finding> findings = inspections.findings(i.id());
    return title(i) + "，" + i.state() + (i.conclusion() == null ? "" : "；结论：" + i.conclusion())
        + (findings.isEmpty() ? "" : "；问题 " + findings.size() + " 项：" + findings.stream().map(f -> "【" + f.rule()
            + "】" + f.responsible() + " — " + f.status() + (f.accountability() == null ? ""
            : "；问责：" + f.accountability() + "（依据：" + f.accountabilityRegulation() + "）"))
            .collect(java.util.stream.Collectors.joining("；")));
  }

  public Inspection get(long inspectionId) {
    return inspections.find(inspectionId)
        .orElseThrow(() -> new IllegalArgumentException("督查 " + inspectionId + " 不存在"));
  }

  /**
   * 事后抽查: draws {@code count} of the sessions whose review was planned in the period, with the expert draw's
   * reproducible method (the pool of session codes, sorted, and a recorded seed), and opens an inspection on each.
   */
  @Transactional
  public Selection selectAtRandom(LocalDate from, LocalDate to, int count, String user) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new ImportException(List.of("请提供期间 from 至 to（to 不早于 from）"));
    }
    // Only what the inspector's organization supervises: the sessions of the committees it approved, or of its subtree.
    List<String> pool = sessions.codesPlannedBetween(from, to).stream()
        .filter(code -> supervises(user, sessions.getByCode(code))).toList();
    if (count < 1 || count > pool.size()) {
      throw new ImportException(List.of("抽查数量 count 应为 1 至 " + pool.size() + "（该期间本单位监管的评审会共 " + pool.size()
          + " 个）"));
    }
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    String seedHex = HexFormat.of().formatHex(seed);
    List<String> selected = order(pool, seedHex, crypto.hash()).subList(0, count);
    Selection draft = new Selection(0, from, to, count, pool, ReproducibleDraw.poolHash(pool, crypto.hash()), seedHex,
        selected,
        user, clock.instant());
    long id = inspections.insertSelection(draft);
    for (String code : selected) {
      open(new Request(code, null, List.of("事后抽查"), "RANDOM", "随机抽查 " + id + "（" + from + " 至 " + to + "）"),
          id, user);
    }
    return inspections.selection(id).orElseThrow();
  }

  private boolean supervises(String user, ReviewSession session) {
    Committee committee = jurisdiction.region().committee(session.committeeId());
    Set<Capacity> standing = jurisdiction.capacities(user, committee);
    return standing.contains(Capacity.APPROVER) || standing.contains(Capacity.SUPERVISING_OFFICE);
  }

  /**
   * The seeded order of a selection's pool, as {@code POST /api/draw/verify} computes it for group "sessions", by the
   * hash its pool hash names.
   */
  static List<String> order(List<String> pool, String seedHex, HashAlgorithm algorithm) {
    return ReproducibleDraw.orders(Map.of(SELECTION_GROUP, pool), seedHex, algorithm).get(SELECTION_GROUP);
  }
}
