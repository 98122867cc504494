package cn.gx.titlereview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestData;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A civil servant's day in Tasklist: due dates from the session's plan, each data task's form showing the state of
 * its data (kept current as data comes in), filters that tell sessions apart, and the list of what one has done.
 */
@IntegrationTest
class TasklistDayTest {

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired TestData data;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void aDataTaskIsDueBeforeTheDrawWindowAndItsFormShowsTheDataAsItComesIn() {
    String code = "DAY-" + System.nanoTime();
    walk.start(code, "staff4");
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    // The draw window opens three days before the planned review start; the applicants must be in by then.
    assertThat(task.getDueDate()).isEqualTo(Date.from(TestData.REVIEW_START.minusDays(3).atStartOfDay(PlatformConfig.ZONE)
        .toInstant()));
    assertThat(taskService.getVariableLocal(task.getId(), "workspaceSection")).isEqualTo("applicants");
    assertThat((String) taskService.getVariableLocal(task.getId(), "dataState")).isEqualTo("- 尚未导入申报人员名单");

    Reply imported = api.postJson("/api/sessions/" + code + "/applicants", "staff4", """
        [{"applicantNo":"SB01","name":"李强","employer":"广西大学","employerType":"体制内事业单位","level":"正高",
          "series":"工程","specialty":"土木工程","eligibility":"通过"},
         {"applicantNo":"SB02","name":"王芳","employer":"广西大学","employerType":"体制内事业单位","level":"正高",
          "series":"工程","specialty":"土木工程","eligibility":"不通过","eligibilityReason":"任职年限不足"}]""");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat((String) taskService.getVariableLocal(task.getId(), "dataState"))
        .contains("已导入申报人员 2 人：资格审查通过 1 人，不通过 1 人", "最近一次导入：", "2 行");
    // A refused import changes nothing, the form's state included.
    api.postJson("/api/sessions/" + code + "/applicants", "staff4", "[{\"applicantNo\":\"SB03\"}]");
    assertThat((String) taskService.getVariableLocal(task.getId(), "dataState")).contains("已导入申报人员 2 人");
    // The form shows it and links to its section, without a word of the API.
    Reply form = api.get("/engine-rest/task/" + task.getId() + "/deployed-form", "staff1");
    assertThat(form.body()).contains("{{dataState}}", "/workspace#{{workspaceSection}}")
        .doesNotContain("POST", "HTTP", "JSON", "multipart", "/api/");
  }

  @Test
  void eachSessionHasAFilterForItsStaffAndEveryFilterShowsTheSessionOfEachTask() {
    String mine = "DAY-F1-" + System.nanoTime();
    String theirs = "DAY-F2-" + System.nanoTime();
    walk.start(mine, "");
    ReviewSession other = walk.start(theirs, "");
    // staff1 starts both through the walk; hand the second to staff4 so that staff1 is not on it.
    api.postJson("/api/sessions/" + theirs + "/staff", "staff1", "{\"userId\": \"staff4\"}");
    api.delete("/api/sessions/" + theirs + "/staff/staff1", "staff4");

    String filters = api.get("/engine-rest/filter?resourceType=Task", "staff1").body();
    assertThat(filters).contains("我的待办", "待认领", "即将到期", "评审会 " + mine).doesNotContain("评审会 " + theirs)
        .contains("\"name\":\"sessionCode\"", "评审会编号", "评委会名称");
    assertThat(api.get("/engine-rest/filter?resourceType=Task", "staff4").body()).contains("评审会 " + theirs);

    runtimeService.deleteProcessInstance(other.processInstanceId(), "测试：评审会结束");
    assertThat(api.get("/engine-rest/filter?resourceType=Task", "staff4").body()).doesNotContain("评审会 " + theirs);
  }

  @Test
  void whatOneHasDoneIsListedWithItsSessionAndTheWorkspaceOpensSectionsByStage() {
    String code = "DAY-D-" + System.nanoTime();
    walk.start(code, "");
    walk.fill(code, "staff1");
    walk.complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);
    Reply done = api.get("/tasks/done", "staff1");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("已办事项", "导入申报人员并审核资格", code, "/sessions/" + code + "/record");
    assertThat(api.get("/tasks/done", "staff4").body()).doesNotContain(code);

    String page = api.get("/sessions/" + code + "/workspace", "staff1").body();
    assertThat(page).contains("当前阶段：专家抽取", "1. 本评审会工作人员", "2. 申报人员名单及资格审查结果", "3. 评委名册",
        "“评审准备”阶段已结束，此处数据仅供查看", "将于“封闭评审”阶段开放", "已导入申报人员 60 人")
        .doesNotContain("T09:00", "yyyy-MM-dd");
    assertThat(List.of(page.indexOf("id=\"roster\""), page.indexOf("id=\"votes\""), page.indexOf("id=\"archive\"")))
        .isSorted();
  }
}
