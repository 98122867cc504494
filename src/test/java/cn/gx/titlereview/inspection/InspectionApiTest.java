package cn.gx.titlereview.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may open, record and read inspections, over HTTP, and the pages the supervision view links to. */
@IntegrationTest
class InspectionApiTest {

  @LocalServerPort int port;
  @Autowired TestData data;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @Test
  void onlyTheApprovingUnitOpensAnInspectionAndEveryProblemOfARequestIsNamed() {
    ReviewSession session = data.session("副高");
    String request = """
        {"sessionCode":"%s","means":["查阅资料","质询"],"trigger":"ROUTINE","triggerNote":"年度例行"}"""
        .formatted(session.code());
    assertThat(api.postJson("/api/inspections", "staff1", request).status()).isEqualTo(403);
    assertThat(api.postJson("/api/inspections", "depthead1", request).status()).isEqualTo(403);
    Reply opened = api.postJson("/api/inspections", "approver1", request);
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.body()).contains("评审会 " + session.code(), "例行督查", "查阅资料、质询");

    Reply bad = api.postJson("/api/inspections", "approver1", "{\"committeeName\":\"某评委会\",\"means\":[],\"trigger\":\"ROUTINE\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("请至少选择一种督查方式");

    String id = opened.body().replaceAll("(?s).*\"inspection\":\\{\"id\":(\\d+).*", "$1");
    Reply findings = api.postJson("/api/inspections/" + id + "/findings", "approver1", """
        [{"rule":"会议记录不完整","responsible":"组建单位","rectification":"补齐","deadlineWorkingDays":0}]""");
    assertThat(findings.status()).isEqualTo(400);
    assertThat(findings.body()).contains("第 1 条「整改期限（工作日）」：应为 1 至 60 个工作日");

    assertThat(api.get("/supervision/inspections", "approver1").body()).contains("发起督查", "事后抽查");
    assertThat(api.get("/supervision/inspections", "depthead1").body()).doesNotContain("发起督查");
    assertThat(api.get("/supervision/inspections", "staff1").status()).isEqualTo(403);
    assertThat(api.get("/supervision/inspections/" + id, "staff1").body()).contains("督查中");
  }
}
