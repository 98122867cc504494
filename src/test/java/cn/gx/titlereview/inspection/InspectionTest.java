package cn.gx.titlereview.inspection;

import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.calendar.WorkingDayCalendar;
import cn.gx.titlereview.draw.DrawVerification;
import cn.gx.titlereview.inspection.InspectionRepository.Finding;
import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.inspection.InspectionRepository.Selection;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.publicity.ComplaintService;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TaskDriver;
import cn.gx.titlereview.support.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 督查 end to end on the real services: findings rectified and verified, an overdue one escalated. */
@IntegrationTest
class InspectionTest {

  @Autowired InspectionService service;
  @Autowired InspectionRepository inspections;
  @Autowired Jurisdiction jurisdiction;
  @Autowired TaskDriver tasks;
  @Autowired TestData data;
  @Autowired RecordService records;
  @Autowired DrawVerification verification;
  @Autowired CryptoSettings crypto;
  @Autowired ComplaintService complaints;
  @Autowired RuntimeService runtimeService;

  @Autowired SessionRepository sessions;
  @Autowired TableReader reader;
  @Autowired WorkingDayCalendar calendar;
  @Autowired SystemAuthority system;

  /** A Monday of a year whose working-day calendar ships with the app, so deadlines never leave the calendar. */
  static final Instant MONDAY = LocalDate.of(2026, 6, 1).atTime(9, 0).atZone(PlatformConfig.ZONE).toInstant();

  @Autowired CorrectionRepository corrections;
  @Autowired SessionWalk walk;
  @LocalServerPort int port;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  /** The unit's answer tasks follow the session's staff list, as the session's own tasks do. */
  @Test
  void anOpenInspectionsAnswerTasksFollowTheSessionsStaffChanges() {
    String code = "INSP-STAFF-" + System.nanoTime();
    walk.start(code, "staff4");
    Inspection inspection = service.open(new InspectionService.Request(code, null, List.of("查阅资料"), "ROUTINE",
        "年度例行督查"), null, "approver1");
    String process = inspection.processInstanceId();
    service.recordFindings(inspection.id(), data.json(List.of(row("rule", "评审会议记录不完整", "responsible",
        "测试组建单位", "rectification", "补齐会议记录", "deadlineWorkingDays", 5))));
    tasks.completeOnly("approver1", process, "Task_RecordInspectionFindings", "inspectionConclusion", "发现一处问题");
    assertThat(tasks.visible("staff4", process, "Task_AnswerFinding")).hasSize(1);
    assertThat(tasks.visible("staff3", process, "Task_AnswerFinding")).isEmpty();
    Task answer = tasks.visible("staff4", process, "Task_AnswerFinding").get(0);
    tasks.claim("staff4", answer);

    Api api = new Api(port);
    assertThat(api.postJson("/api/sessions/" + code + "/staff", "staff1", "{\"userId\": \"staff3\"}").status())
        .isEqualTo(200);
    assertThat(api.delete("/api/sessions/" + code + "/staff/staff4", "staff1").status()).isEqualTo(200);

    assertThat(tasks.visible("staff3", process, "Task_AnswerFinding")).hasSize(1);
    assertThat(tasks.visible("staff4", process, "Task_AnswerFinding")).as("staff4 left the session").isEmpty();
    Task reoffered = tasks.visible("staff3", process, "Task_AnswerFinding").get(0);
    assertThat(reoffered.getAssignee()).as("the leaver's claim goes with them").isNull();
    tasks.complete("staff3", reoffered, "rectificationAnswer", "已补齐会议记录");
    assertThat(tasks.visible("approver1", process, "Task_VerifyFinding")).hasSize(1);
  }

  @Test
  void anInspectionRunsEndToEndWithOneFindingVerifiedAndAnOverdueOneEscalated() {
    // The engine and the deadlines both run on a controllable clock.
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    InspectionService inJune = new InspectionService(inspections, corrections, sessions, jurisdiction, reader, calendar,
        runtimeService, system, Clock.fixed(MONDAY, PlatformConfig.ZONE), crypto);
    ReviewSession session = data.session("中级");
    Inspection inspection = inJune.open(new InspectionService.Request(session.code(), null,
        List.of("查阅资料", "约谈"), "ROUTINE", "年度例行督查"), null, "approver1");
    String process = inspection.processInstanceId();
    inJune.recordFindings(inspection.id(), data.json(List.of(
        row("rule", "评审会议记录不完整", "responsible", "测试组建单位", "rectification", "补齐会议记录",
            "deadlineWorkingDays", 5),
        row("rule", "未按规定公示", "responsible", "测试组建单位", "rectification", "补充公示",
            "deadlineWorkingDays", 1))));
    tasks.completeOnly("approver1", process, "Task_RecordInspectionFindings", "inspectionConclusion",
        "组织基本规范，发现两处问题");
    List<Finding> findings = inspections.findings(inspection.id());
    assertThat(findings).extracting(Finding::deadlineWorkingDays, Finding::dueDate).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5, LocalDate.of(2026, 6, 8)),
        org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 6, 2)));
    assertThatThrownBy(() -> inJune.recordFindings(inspection.id(), data.json(List.of())))
        .hasMessageContaining("问题清单已确认");

    // The unit answers the first; the inspector verifies it and records an accountability measure with its basis.
    List<Task> answers = tasks.visible("staff1", process, "Task_AnswerFinding");
    assertThat(answers).hasSize(2);
    assertThat(tasks.visible("approver1", process, "Task_AnswerFinding")).isEmpty();
    Task first = answers.stream().filter(t -> findingOf(t) == findings.get(0).id()).findFirst().orElseThrow();
    tasks.complete("staff1", first, "rectificationAnswer", "已补齐会议记录并存档");
    Task verify = tasks.visible("approver1", process, "Task_VerifyFinding").get(0);
    assertThatThrownBy(() -> tasks.complete("approver1", verify, "rectificationAccepted", "yes",
        "verificationNote", "已核验", "accountability", "对经办人通报批评"))
        .hasMessageContaining("须注明所依据的规定");
    tasks.complete("approver1", verify, "rectificationAccepted", "yes", "verificationNote", "已核验会议记录",
        "accountability", "对经办人通报批评", "accountabilityRegulation", "《职称评审管理暂行规定》第四十二条");

    // The second is overdue: the engine's clock passes its last working day.
    Finding second = findings.get(1);
    ClockUtil.setCurrentTime(Date.from(second.dueDate().plusDays(2).atStartOfDay(PlatformConfig.ZONE).toInstant()));
    tasks.runJobs();
    assertThat(inspections.finding(second.id()).orElseThrow().escalatedAt()).isNotNull();
    assertThat(tasks.visible("staff1", process, "Task_SuperviseOverdueFinding")).isEmpty();
    tasks.completeOnly("depthead1", process, "Task_SuperviseOverdueFinding", "overdueSupervisionNote",
        "责令三日内整改");
    tasks.completeOnly("staff1", process, "Task_AnswerFinding", "rectificationAnswer", "已补充公示五个工作日");
    tasks.completeOnly("approver1", process, "Task_VerifyFinding", "rectificationAccepted", "yes",
        "verificationNote", "已核验公示");

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
    assertThat(service.get(inspection.id()).concludedAt()).isNotNull();
    assertThat(inspections.findings(inspection.id())).extracting(Finding::status)
        .containsExactly("整改到位（approver1 核验）", "整改到位（approver1 核验）");
    assertThat(inspections.finding(second.id()).orElseThrow().escalationNote()).isEqualTo("责令三日内整改");
    assertThat(records.form(session).inspections()).singleElement().asString()
        .contains("例行督查", "已办结", "问责：对经办人通报批评（依据：《职称评审管理暂行规定》第四十二条）");
  }

  @Test
  void aRandomAfterTheFactSelectionCanBeRecomputedFromItsSeed() {
    // Eight sessions at least: a different seed then gives the same order with a chance of 1 in 40,320.
    for (int i = 0; i < 8; i++) {
      data.session("正高");
    }
    Selection selection = service.selectAtRandom(TestData.REVIEW_START, TestData.REVIEW_START, 2, "approver1");
    assertThat(selection.pool()).isSorted().contains(selection.selected().toArray(String[]::new));
    List<String> recomputed = verification.verify(Map.of("sessions", selection.pool()), selection.seedHex(), "sm3")
        .orders().get("sessions");
    assertThat(recomputed.subList(0, 2)).isEqualTo(selection.selected());
    assertThat(verification.verify(Map.of("sessions", selection.pool()), "00ff", "sm3").orders().get("sessions"))
        .isNotEqualTo(recomputed);
    assertThat(inspections.list()).filteredOn(i -> i.selectionId() != null && i.selectionId() == selection.id())
        .hasSize(2).allSatisfy(i -> assertThat(i.means()).containsExactly("事后抽查"));
  }

  @Test
  void complaintsReachingTheThresholdProposeAnOnSiteInspectionOnce() {
    String committee = "信访测试评委会-" + System.nanoTime();
    ReviewSession session = data.session("初级", committee);
    complaints.receive(session, "信件", null, "反映一", "staff1");
    complaints.receive(session, "信件", null, "反映二", "staff1");
    assertThat(proposals(committee)).isZero();
    complaints.receive(session, "电话", null, "反映三", "staff1");
    assertThat(proposals(committee)).isEqualTo(1);
    complaints.receive(session, "电话", null, "反映四", "staff1");
    assertThat(proposals(committee)).isEqualTo(1);

    // The plan provides on-site management for intermediate and junior committees only.
    String senior = "信访测试高级评委会-" + System.nanoTime();
    ReviewSession seniorSession = data.session("正高", senior);
    for (int i = 0; i < 3; i++) {
      complaints.receive(seniorSession, "信件", null, "反映", "staff1");
    }
    assertThat(proposals(senior)).isZero();
  }

  @Test
  void aRequestNamesEveryProblem() {
    assertThatThrownBy(() -> service.open(new InspectionService.Request("X", "Y", List.of("随便看看"), "SOMETIMES",
        null), null, "approver1"))
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
            "请指定督查对象：评审会编号 sessionCode 或评委会编码 committeeCode，二者选一",
            "督查方式“随便看看”不在监管方案所列方式之中",
            "督查起因 trigger 应为 ROUTINE / COMPLAINT / RANDOM / PASS_RATE 之一"));
  }

  private long findingOf(Task task) {
    return ((Number) runtimeService.getVariable(task.getExecutionId(), "findingId")).longValue();
  }

  private long proposals(String committee) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("Inspection")
        .variableValueEquals("committeeName", committee).count();
  }
}
