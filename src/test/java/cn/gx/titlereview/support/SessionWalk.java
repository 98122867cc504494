package cn.gx.titlereview.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.demo.DemoSessionFiller;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Walks a session through its stages as its people would: each task found among those the user may see, claimed and
 * completed by them, with the demo filler doing the data work the task needs. Started by staff1, with staff4 and
 * staff3 on its staff; staff3 enters the votes.
 */
@Component
public class SessionWalk {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final SessionRepository sessions;
  private final DemoSessionFiller filler;
  private final TaskDriver tasks;

  SessionWalk(RuntimeService runtimeService, TaskService taskService, SessionRepository sessions,
      DemoSessionFiller filler, TaskDriver tasks) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.sessions = sessions;
    this.filler = filler;
    this.tasks = tasks;
  }

  public ReviewSession start(String code, String otherStaff) {
    return start(code, otherStaff, TestData.REVIEW_START);
  }

  /** A session whose review is planned for three days from {@code reviewStart}. */
  public ReviewSession start(String code, String otherStaff, java.time.LocalDate reviewStart) {
    tasks.as("staff1", () -> runtimeService.startProcessInstanceByKey("TitleReviewSession", Map.of(
        "sessionCode", code, "committeeCode", TestRegion.SENIOR, "level", "正高",
        "reviewYear", reviewStart.getYear(), "plannedReviewStart", reviewStart.toString(),
        "plannedReviewEnd", reviewStart.plusDays(2).toString(), "staffUserIds", otherStaff)));
    return sessions.getByCode(code);
  }

  /** The demo filler's data work for the session's open task, as the user. */
  public void fill(String code, String user) {
    tasks.as(user, () -> filler.fill(sessions.getByCode(code), user));
  }

  /** The user finds the task among the ones they may see, claims and completes it; due jobs run. */
  public void complete(String code, String user, String taskKey, Object... variables) {
    Task task = openTask(code, user, taskKey);
    tasks.as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), TaskDriver.vars(variables));
      return null;
    });
    tasks.runJobs();
  }

  /** Completes the task assigned to the user (their own pledge). */
  public void completeAssigned(String code, String user, String taskKey, Object... variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey)
        .taskAssignee(user).singleResult();
    tasks.as(user, () -> {
      taskService.complete(task.getId(), TaskDriver.vars(variables));
      return null;
    });
    tasks.runJobs();
  }

  public Task openTask(String code, String user, String taskKey) {
    List<Task> visible = tasks.as(user, () -> taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(taskKey).list());
    assertThat(visible).as(user + " sees " + taskKey).hasSize(1);
    return visible.get(0);
  }

  /** Preparation done and the roster imported: the supervisor's check of the roster is open. */
  public void toRosterConfirmation(String code) {
    fill(code, "staff1");
    complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);
    fill(code, "staff1");
    complete(code, "staff1", "Task_ImportRoster", "rosterImported", true);
  }

  /** Every stage before the votes done without a fault: the experts drawn and trained, the review groups formed. */
  public void toVotes(String code) {
    toRosterConfirmation(code);
    complete(code, "supervisor1", "Task_ConfirmRosterAndPresence", "officialRosterTotal", DemoSessionFiller.ROSTER,
        "supervisorPresentAtDraw", "yes");
    complete(code, "supervisor1", "Task_ConfirmDrawCommitment", "drawPhrase", "公平公正，随机抽取");
    fill(code, "staff1");
    complete(code, "staff1", "Task_RecordExpertResponses", "expertResponsesRecorded", true);
    for (String staff : List.of("staff1", "staff4", "staff3")) {
      completeAssigned(code, staff, "Task_SignStaffPledge", "pledgeConfirmed", true);
    }
    fill(code, "staff1");
    complete(code, "staff1", "Task_RecordTrainingAndExpertPledges", "trainingCoursewareWatched", "yes",
        "trainingPolicyAndSoftware", "yes", "expertPledgesRecorded", true);
    fill(code, "staff1");
    complete(code, "staff1", "Task_FormReviewGroups", "reviewGroupsFormed", true);
  }

  /** Every stage before the recheck done without a fault, staff3 having entered the votes: 第一人复核 is open. */
  public void toFirstRecheck(String code) {
    toVotes(code);
    fill(code, "staff3");
    complete(code, "staff3", "Task_RecordVotes", "votesRecorded", true, "plenaryDeliberationHeld", "yes",
        "keyMinutesKept", "yes");
    complete(code, "supervisor1", "Task_AttestDiscipline", DISCIPLINE_KEPT);
  }

  /** 附件1 评审纪律情况 as a session without incidents answers it: items 1–7 是, items 8–10 否. */
  public static final Object[] DISCIPLINE_KEPT = {"disciplineClosedManagement", "yes",
      "disciplineUnifiedLodging", "yes", "disciplineSupervisorPresent", "yes", "disciplinePledgesSigned", "yes",
      "disciplineBadgesWorn", "yes", "disciplinePhonesKept", "yes", "disciplineRecusalObserved", "yes",
      "disciplineLobbyingFound", "no", "disciplineLeftVenue", "no", "disciplineOtherViolation", "no"};
}
