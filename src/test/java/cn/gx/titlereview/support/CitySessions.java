package cn.gx.titlereview.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api.Reply;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Sessions of the demo region's two cities, each waiting where its city's approvers have a task: 南宁's committee
 * {@code GX-DEMO-A} (unit A, approved by {@code GX-NN}) and 桂林's {@code GX-DEMO-B} (unit B, by {@code GX-GL}).
 */
@Component
public class CitySessions {

  private final TaskService taskService;
  private final TaskDriver tasks;

  CitySessions(TaskService taskService, TaskDriver tasks) {
    this.taskService = taskService;
    this.tasks = tasks;
  }

  /** A session of the committee, its eligibility check failed so that it waits at a rectification. */
  public String start(Api api, String staff, String committee) {
    String code = committee.substring(3) + "-" + System.nanoTime() % 1_000_000;
    Reply started = api.postJson("/api/sessions", staff, """
        {"sessionCode":"%s","committeeCode":"%s","level":"中级","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":""}"""
        .formatted(code, committee, TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2)));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
    tasks.as(staff, () -> {
      taskService.complete(task);
      return null;
    });
    tasks.runJobs();
    return code;
  }

  /** An inspection of the session opened by the approver: 督查并登记问题清单 waits for its organization's approvers. */
  public void inspect(Api api, String approver, String session) {
    Reply opened = api.postJson("/api/inspections", approver, """
        {"sessionCode":"%s","means":["查阅资料"],"trigger":"ROUTINE","triggerNote":"年度例行督查"}"""
        .formatted(session));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
  }
}
