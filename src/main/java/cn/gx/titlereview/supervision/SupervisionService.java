package cn.gx.titlereview.supervision;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.spotcheck.SpotCheckRepository;
import cn.gx.titlereview.spotcheck.SpotCheckService;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * Every session's state against the supervision plan, for the organizations that supervise it: its stage from the engine's history, the gates in force,
 * open rectifications, and the record's figures (computed by {@link RecordService}, the same code as 附件1).
 */
@Service
class SupervisionService {

  /** The main process's end events, in words. */
  static final Map<String, String> ENDINGS = Map.of(
      "EndEvent_SessionConfirmed", "已结束：评审结果已确认",
      "EndEvent_ResultsNotConfirmed", "已结束：评审结果未获确认");

  /** A stage and the working days it took so far (both the first and the last day count). */
  /** Rows on a page of the supervision view. */
  static final int PAGE_SIZE = 50;
  /** 复核存在问题占通过人数的比例 and 公示期间收到信访件数量（）件，已核查（）件, as the record answers them. */
  private static final String RECHECK_PROBLEMS = "recheck.problemRatio";
  private static final String COMPLAINTS = "publicity.complaints";

  public record StageTime(String stage, int workingDays) {
  }

  /** Who reads the supervision view: the approving units and 职改办, and the industry departments. */
  static final String[] SUPERVISORS = {Groups.APPROVER, Groups.DEPT_HEAD};

  private final SessionRepository sessions;
  private final SessionAccess access;
  private final RecordService records;
  private final GateResultRepository gateResults;
  private final HistoryService historyService;
  private final SpotCheckRepository spotChecks;
  private final SpotCheckService spotCheckService;
  private final TaskService taskService;
  private final SystemAuthority system;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  SupervisionService(SessionRepository sessions, SessionAccess access, RecordService records, GateResultRepository gateResults,
      HistoryService historyService, SpotCheckRepository spotChecks, SpotCheckService spotCheckService,
      TaskService taskService, SystemAuthority system, WorkingDayCalendar calendar, Clock clock) {
    this.sessions = sessions;
    this.access = access;
    this.records = records;
    this.gateResults = gateResults;
    this.historyService = historyService;
    this.spotChecks = spotChecks;
    this.spotCheckService = spotCheckService;
    this.taskService = taskService;
    this.system = system;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The sessions the caller supervises (谁批准组建，谁负责监管), matching the filters. */
  public List<SessionOverview> overview(Integer year, String level, String organisingUnit) {
    return supervised(year, level, organisingUnit).stream().map(this::overview).toList();
  }

  /**
   * One page of them, the newest year first and in it the latest started first: each row reads the session's
   * history, tasks and figures, so a region's hundreds of sessions are shown a page at a time.
   */
  Page page(Integer year, String level, String organisingUnit, int page) {
    List<ReviewSession> all = supervised(year, level, organisingUnit).stream()
        .sorted(Comparator.comparing(ReviewSession::reviewYear).thenComparing(ReviewSession::id).reversed()).toList();
    int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(page, 1), pages);
    return new Page(all.subList((shown - 1) * PAGE_SIZE, Math.min(all.size(), shown * PAGE_SIZE)).stream()
        .map(this::overview).toList(), all.size(), shown, pages, PAGE_SIZE);
  }

  /** A page of rows of the supervision view, with where it stands among all of them. */
  record Page(List<SessionOverview> rows, int total, int number, int pages, int size) {
  }

  public List<ReviewSession> supervised(Integer year, String level, String organisingUnit) {
    Set<Long> committees = access.supervisedCommittees();
    return sessions.search(year, level, organisingUnit).stream()
        .filter(s -> committees == null || committees.contains(s.committeeId())).toList();
  }

  /** The organising units of the sessions the caller supervises, for the filter. */
  public List<String> organisingUnits() {
    return supervised(null, null, null).stream().map(ReviewSession::organisingUnit).distinct().sorted().toList();
  }

  public SessionOverview overview(ReviewSession session) {
    RecordService.Glance record = records.glance(session, Set.of(RECHECK_PROBLEMS, COMPLAINTS));
    List<GateResult> failing = gateResults.latest(session.id()).values().stream().filter(g -> !g.passed()).toList();
    // From history: the approving unit may read every session's history, not work on its tasks.
    List<String> rectifications = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(session.code()).unfinished().list().stream()
        .filter(t -> t.getTaskDefinitionKey().startsWith("Task_Rectify")).map(HistoricTaskInstance::getName).toList();
    String stage = "尚未启动";
    Instant since = null;
    boolean ended = false;
    if (session.processInstanceId() != null) {
      HistoricProcessInstance main = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(session.processInstanceId()).singleResult();
      if (main != null && main.getEndTime() != null) {
        ended = true;
        // An instance cancelled by an administrator (deleted) ended at no end event.
        stage = main.getEndActivityId() == null ? "已结束" : ENDINGS.getOrDefault(main.getEndActivityId(), "已结束");
      } else {
        HistoricActivityInstance current = historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(session.processInstanceId()).unfinished().list().stream()
            .filter(a -> a.getActivityName() != null)
            .max(Comparator.comparing(HistoricActivityInstance::getStartTime)).orElse(null);
        if (current != null) {
          stage = current.getActivityName();
          since = current.getStartTime().toInstant();
        }
      }
    }
    String[] complaints = record.shown(COMPLAINTS).split("/");
    return new SessionOverview(session, stage, since, ended, failing, rectifications, record.basics(),
        record.shown(RECHECK_PROBLEMS),
        complaints.length == 2 ? "收到 " + complaints[0] + " 件，已核查 " + complaints[1] + " 件" : complaints[0],
        spotCheck(session), overdueTasks(session));
  }

  /** The session's open tasks past their due date, oldest due first (read by the system: they are others' tasks). */
  public List<SessionOverview.OverdueTask> overdueTasks(ReviewSession session) {
    return system.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(session.code())
        .dueBefore(Date.from(clock.instant())).orderByDueDate().asc().list().stream()
        .map(t -> new SessionOverview.OverdueTask(t.getName(), t.getDueDate().toInstant(), t.getAssignee()))
        .toList());
  }

  private String spotCheck(ReviewSession session) {
    return spotChecks.latest(session.id()).map(c -> c.recorded() < c.items().size()
            ? "第 " + c.attempt() + " 次：抽查 " + c.items().size() + " 人（" + c.ratioPercent() + "%），待登记结论"
            : "第 " + c.attempt() + " 次：抽查 " + c.items().size() + " 人，发现问题 " + c.problems() + " 人，"
                + (spotCheckService.passes(c) ? "通过" : "退回复核"))
        .orElse("未开始");
  }

  /** Working days spent in each stage of the main process so far, in order. */
  public List<StageTime> stageTimes(ReviewSession session) {
    if (session.processInstanceId() == null) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(session.processInstanceId())
        .activityType("callActivity").orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(a -> new StageTime(a.getActivityName(), calendar.estimateWorkingDaysBetween(day(a.getStartTime()),
            a.getEndTime() == null ? today : day(a.getEndTime()))))
        .toList();
  }

  private LocalDate day(Date moment) {
    return LocalDate.ofInstant(moment.toInstant(), clock.getZone());
  }
}
