package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.gx.titlereview.platform.migration.ModelMigration;
import cn.gx.titlereview.platform.web.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stage model changed mid-season reaches running sessions exactly as docs/designers.md says: a session takes the
 * newest version of a stage when it enters that stage ({@code latest}), keeps the version of the stage it already waits
 * in, runs its second publicity on the first's version, and moves inside a stage only when an administrator migrates it.
 */
@Deployment(resources = {"bpmn/TitleReviewSession.bpmn", "bpmn/SessionPreparation.bpmn", "bpmn/ExpertDraw.bpmn",
    "bpmn/ExpertPanelSize.dmn", "bpmn/TrainingAndPledges.bpmn", "bpmn/SealedReview.bpmn",
    "bpmn/ResultRecheck.bpmn", "bpmn/Publicity.bpmn", "bpmn/Archiving.bpmn", "bpmn/RecordSignOff.bpmn"})
class ModelChangeProcessTest extends ProcessTest {

  private static final String SESSION = "GX-T-001";

  private final List<String> changedDeployments = new ArrayList<>();

  @AfterEach
  void removeChangedModels() {
    runtimeService().createProcessInstanceQuery().processDefinitionKey("TitleReviewSession").list()
        .forEach(i -> runtimeService().deleteProcessInstance(i.getId(), "test over", true, true));
    changedDeployments.forEach(id -> repositoryService().deleteDeployment(id, true));
  }

  @Test
  void aStageChangedWhileASessionWaitsInThePreviousStageIsTakenInItsNewVersionButTheWaitingStageKeepsItsOwn() {
    ProcessInstance session = TitleReviewSessionProcessTest.startSession();
    ProcessInstance preparation = stageInstance("SessionPreparation");
    ProcessDefinition drawBefore = latest("ExpertDraw");

    ProcessDefinition drawAfter = deployChanged("ExpertDraw", "name=\"导入评委名册\"", "name=\"导入评委名册（新版）\"");
    ProcessDefinition preparationAfter = deployChanged("SessionPreparation",
        "name=\"导入申报人员并审核资格\"", "name=\"导入申报人员并审核资格（新版）\"");
    assertThat(drawAfter.getVersion()).isGreaterThan(drawBefore.getVersion());

    // The stage the session waits in stays on its version: its open task is unchanged and so is the next one's model.
    assertThat(stageInstance("SessionPreparation").getProcessDefinitionId()).isEqualTo(preparation.getProcessDefinitionId())
        .isNotEqualTo(preparationAfter.getId());
    assertThat(openTask("Task_ReviewEligibility").getName()).isEqualTo("导入申报人员并审核资格");

    TitleReviewSessionProcessTest.walkTo("Task_ImportRoster");
    // The next stage is called with binding latest: the session enters the changed draw.
    assertThat(stageInstance("ExpertDraw").getProcessDefinitionId()).isEqualTo(drawAfter.getId());
    assertThat(openTask("Task_ImportRoster").getName()).isEqualTo("导入评委名册（新版）");
    // The session's own model does not change under it.
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(session.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(session.getProcessDefinitionId());
  }

  @Test
  void theSecondPublicityRunsOnTheFirstsVersionEvenWhenPublicityChangedBetweenTheRounds() {
    TitleReviewSessionProcessTest.startSession();
    TitleReviewSessionProcessTest.walkTo("Task_OpenPublicity");
    String firstRound = stageInstance("Publicity").getProcessDefinitionId();

    ProcessDefinition changed = deployChanged("Publicity", "name=\"发布公示\"", "name=\"发布公示（新版）\"");
    completeTask("Task_OpenPublicity");
    TitleReviewSessionProcessTest.fireTimers();
    completeTask("Task_VerifyComplaints");

    assertThat(stageInstance("Publicity").getProcessDefinitionId()).isEqualTo(firstRound).isNotEqualTo(changed.getId());
    assertThat(openTask("Task_OpenPublicity").getName()).isEqualTo("发布公示");
    assertThat(taskService().getVariable(openTask("Task_OpenPublicity").getId(), "publicityRound")).isEqualTo(2L);
  }

  @Test
  void anAdministratorMovesASessionWaitingInsideAStageToTheStagesNewVersionAndItContinuesThere() {
    ProcessInstance session = TitleReviewSessionProcessTest.startSession();
    TitleReviewSessionProcessTest.walkTo("Task_RecordVotes");
    ProcessInstance review = stageInstance("SealedReview");
    Task waiting = openTask("Task_RecordVotes");
    taskService().setVariable(waiting.getId(), "reviewNote", "迁移前写入");
    ProcessDefinition changed = deployChanged("SealedReview",
        "name=\"监督员确认评审纪律\"", "name=\"监督员确认评审纪律（新版）\"");

    ModelMigration.Result result = migration().toLatest("SealedReview", SESSION);

    assertThat(result.processInstanceIds()).containsExactly(review.getId());
    assertThat(result.toVersion()).isEqualTo(changed.getVersion()).isGreaterThan(result.fromVersion());
    assertThat(stageInstance("SealedReview").getProcessDefinitionId()).isEqualTo(changed.getId());
    // Same task, same variables: nothing the staff did is lost.
    Task moved = openTask("Task_RecordVotes");
    assertThat(moved.getId()).isEqualTo(waiting.getId());
    assertThat(moved.getProcessDefinitionId()).isEqualTo(changed.getId());
    assertThat(taskService().getVariable(moved.getId(), "reviewNote")).isEqualTo("迁移前写入");
    // It continues on the new model, and the session takes it back when the stage ends.
    completeTask("Task_RecordVotes");
    assertThat(openTask("Task_AttestDiscipline").getName()).isEqualTo("监督员确认评审纪律（新版）");
    completeTask("Task_AttestDiscipline");
    assertThat(session).isWaitingAt("CallActivity_ResultRecheck");
  }

  @Test
  void aPublicityRoundWaitingForItsPeriodToEndKeepsItsEndDateWhenMigratedAndTheSecondRoundFollowsIt() {
    TitleReviewSessionProcessTest.startSession();
    TitleReviewSessionProcessTest.walkTo("Task_OpenPublicity");
    completeTask("Task_OpenPublicity");
    Job timer = managementService().createJobQuery().timers().singleResult();
    ProcessDefinition changed = deployChanged("Publicity", "name=\"核查公示期间信访件\"", "name=\"核查公示期间信访件（新版）\"");

    migration().toLatest("Publicity", SESSION);

    // Still waiting for the same end of the period: the timer is re-created from the new model, at the same date.
    Job moved = managementService().createJobQuery().timers().singleResult();
    assertThat(moved.getProcessDefinitionId()).isEqualTo(changed.getId());
    assertThat(moved.getDuedate()).isEqualTo(timer.getDuedate());
    TitleReviewSessionProcessTest.fireTimers();
    assertThat(openTask("Task_VerifyComplaints").getName()).isEqualTo("核查公示期间信访件（新版）");
    completeTask("Task_VerifyComplaints");
    // The second round runs the version the first round ended on.
    assertThat(stageInstance("Publicity").getProcessDefinitionId()).isEqualTo(changed.getId());
  }

  @Test
  void theSessionItselfMovesToANewMainModelWhileItsStageRunsAndTakesTheNewModelAfterTheStage() {
    ProcessInstance session = TitleReviewSessionProcessTest.startSession();
    TitleReviewSessionProcessTest.walkTo("Task_RecordVotes");
    ProcessInstance review = stageInstance("SealedReview");
    ProcessDefinition changed = deployChanged("TitleReviewSession", "name=\"结果复核\"", "name=\"结果复核（新版）\"");

    migration().toLatest("TitleReviewSession", SESSION);

    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(session.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(changed.getId());
    // The stage it waits in is not touched, and hands the session back to the new main model when it ends.
    assertThat(stageInstance("SealedReview").getId()).isEqualTo(review.getId());
    completeTask("Task_RecordVotes");
    completeTask("Task_AttestDiscipline");
    assertThat(session).isWaitingAt("CallActivity_ResultRecheck");
    assertThat(runtimeService().getActivityInstance(session.getId())
        .getActivityInstances("CallActivity_ResultRecheck")[0].getActivityName()).isEqualTo("结果复核（新版）");
  }

  @Test
  void aNewVersionWithoutTheActivityTheSessionWaitsAtIsRefusedAndNothingMoves() {
    TitleReviewSessionProcessTest.startSession();
    TitleReviewSessionProcessTest.walkTo("Task_RecordVotes");
    ProcessInstance review = stageInstance("SealedReview");
    deployChanged("SealedReview", "Task_RecordVotes", "Task_RecordBallots");

    assertThatThrownBy(() -> migration().toLatest("SealedReview", SESSION))
        .isInstanceOf(BusinessException.class)
        .hasMessageContaining("未做任何改动")
        .hasMessageContaining("Task_RecordVotes");
    assertThat(stageInstance("SealedReview").getProcessDefinitionId()).isEqualTo(review.getProcessDefinitionId());
    assertThat(openTask("Task_RecordVotes").getProcessDefinitionId()).isEqualTo(review.getProcessDefinitionId());
  }

  @Test
  void aSessionAlreadyOnTheLatestVersionHasNothingToMigrate() {
    TitleReviewSessionProcessTest.startSession();
    assertThatThrownBy(() -> migration().toLatest("SessionPreparation", SESSION))
        .isInstanceOf(BusinessException.class).hasMessageContaining("无需迁移");
    assertThatThrownBy(() -> migration().toLatest("NoSuchStage", SESSION))
        .isInstanceOf(BusinessException.class).hasMessageContaining("没有已部署的流程");
  }

  private static ModelMigration migration() {
    return new ModelMigration(runtimeService(), repositoryService());
  }

  private static ProcessInstance stageInstance(String processKey) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(SESSION).singleResult();
  }

  private static ProcessDefinition latest(String processKey) {
    return repositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult();
  }

  /** Deploys bpmn/{processKey}.bpmn with one text replaced, as a designer's changed model; removed after the test. */
  private ProcessDefinition deployChanged(String processKey, String text, String replacement) {
    String xml = resource("bpmn/" + processKey + ".bpmn");
    assertThat(xml).contains(text);
    String id = repositoryService().createDeployment().name("changed " + processKey)
        .addString(processKey + ".bpmn", xml.replace(text, replacement)).deploy().getId();
    changedDeployments.add(id);
    return latest(processKey);
  }

  private static String resource(String path) {
    try (InputStream in = ModelChangeProcessTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
