package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.Api.Reply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.support.Xlsx;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST APIs over real HTTP: authentication, groups, session staff, bad input, and refusals in Chinese. */
@IntegrationTest
class RestApiTest {

  private static int sequence;

  @LocalServerPort int port;
  @Autowired TestRegion region;
  @Autowired SessionRepository sessions;
  @Autowired ApplicantRepository applicants;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired SessionFixture fixture;
  @Autowired cn.gx.titlereview.support.TestData data;
  @Autowired cn.gx.titlereview.record.RecordFormVersions forms;
  @Autowired ExpertDrawService drawService;
  @Autowired cn.gx.titlereview.draw.DrawRepository draws;
  @Autowired AuditTrail audit;

  private Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void anonymousAndWrongPasswordRequestsAreRefusedOnBothApis() {
    assertThat(api.get("/engine-rest/task", null).status()).isEqualTo(401);
    Reply ours = api.get("/api/sessions/ANY", null);
    assertThat(ours.status()).isEqualTo(401);
    assertThat(ours.body()).contains("需要登录");
    // A wrong password locks the account for a few seconds: try it on an account of its own.
    if (identityService.createUserQuery().userId("lockout").count() == 0) {
      User user = identityService.newUser("lockout");
      user.setPassword("Right-2026!");
      identityService.saveUser(user);
    }
    assertThat(api.get("/engine-rest/task", "lockout:wrong").status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/engine", "staff1").status()).isEqualTo(200);
  }

  @Test
  void staffStartASessionAndOnlyTheOfferedGroupSeesItsTask() {
    String code = startSession("staff1", "");
    assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + code, "staff1").body())
        .contains("Task_ReviewEligibility");
    assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + code, "supervisor1").body())
        .isEqualTo("[]");
    assertThat(api.get("/api/sessions/" + code, "approver1").body()).contains("\"level\":\"正高\"");
  }

  @Test
  void onlyStaffMayStartASessionAndTheStartFormIsChecked() {
    Reply approver = api.postJson("/api/sessions", "approver1", "{}");
    assertThat(approver.status()).isEqualTo(403);
    assertThat(approver.body()).contains("需要属于以下用户组之一：工作人员");
    Reply incomplete = api.postJson("/api/sessions", "staff1", "{\"sessionCode\": \"BAD-1\", \"level\": \"特级\"}");
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body()).contains("以下字段未填写或格式不正确").contains("评委会编码（committeeCode）");
    assertThat(sessions.findByCode("BAD-1")).isEmpty();
  }

  @Test
  void applicantsImportAsJsonOrSpreadsheetAndABadRowIsNamedWithNothingWritten() {
    String code = startSession("staff1", "");
    Reply json = api.postJson("/api/sessions/" + code + "/applicants", "staff1", """
        [{"applicantNo":"SB01","name":"李强","employer":"广西大学","employerType":"体制内事业单位","level":"正高",
          "series":"工程","specialty":"土木工程","eligibility":"通过"}]""");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.body()).contains("\"imported\":1");

    Reply xlsx = api.postFile("/api/sessions/" + code + "/applicants", "staff1", "名单.xlsx", Xlsx.of(
        List.of("申报编号", "姓名", "工作单位", "单位性质", "申报级别", "申报系列", "申报专业", "资格审查结果"),
        List.of("SB01", "李强", "广西大学", "体制内事业单位", "正高", "工程", "土木工程", "通过"),
        List.of("SB02", "王芳", "广西建工集团有限责任公司", "企业及其他", "正高", "工程", "土木工程", "通过")).content());
    assertThat(xlsx.body()).contains("\"imported\":2");

    Reply bad = api.postFile("/api/sessions/" + code + "/applicants", "staff1", "名单.xlsx", Xlsx.of(
        List.of("申报编号", "姓名", "工作单位", "单位性质", "申报级别", "申报系列", "申报专业", "资格审查结果"),
        List.of("SB09", "赵六", "广西大学", "体制内事业单位", "正高", "工程", "土木工程", "待定")).content());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("第 2 行「资格审查结果」：应为 通过 / 不通过 之一，实际为“待定”");
    assertThat(applicants.count(sessions.getByCode(code).id())).isEqualTo(2);
  }

  @Test
  void otherGroupsAndStaffNotOnTheSessionMayNotChangeItsData() {
    String code = startSession("staff4", "");
    assertThat(api.postJson("/api/sessions/" + code + "/applicants", "supervisor1", "[]").status()).isEqualTo(403);
    Reply notOnSession = api.postJson("/api/sessions/" + code + "/applicants", "staff1", "[]");
    assertThat(notOnSession.status()).isEqualTo(403);
    assertThat(notOnSession.body()).contains("不是评审会 " + code + " 的工作人员");
    assertThat(api.get("/api/sessions/" + code + "/draw", "approver1").status()).isEqualTo(403);
    assertThat(api.get("/api/sessions/" + code + "/draw", "staff1").status()).isEqualTo(403);
    assertThat(api.get("/api/sessions/" + code + "/draw", "supervisor1").status()).isEqualTo(200);
    assertThat(api.get("/api/sessions/" + code + "/draw/pool", "approver1").status()).isEqualTo(403);
    String offline = "/api/sessions/" + code + "/draw/offline-result";
    assertThat(api.postJson(offline, "staff1", "{}").status()).isEqualTo(403);
    assertThat(api.postJson(offline, "supervisor1", "{}").status()).isEqualTo(403);
    Reply beforeCommitment = api.postJson(offline, "staff4", "{}");
    assertThat(beforeCommitment.status()).isEqualTo(400);
    assertThat(beforeCommitment.body()).contains("抽取承诺尚未经监督员确认");
    Reply verify = api.postJson("/api/draw/verify", "approver1",
        "{\"seedHex\":\"00ff\",\"groups\":{\"土木工程\":[\"E02\",\"E04\",\"E06\"]}}");
    assertThat(verify.status()).isEqualTo(200);
    assertThat(verify.body()).contains("\"poolHash\":\"sm3:", "E02", "E04", "E06");
  }

  @Test
  void everyReadOfTheDrawnExpertsIsInTheAuditTrailAndARefusedReadIsNot() {
    String code = startSession("staff4", "");
    assertThat(api.get("/api/sessions/" + code + "/draw", "staff1").status()).isEqualTo(403);
    assertThat(audit.about(code)).filteredOn(e -> e.kind() == AuditKind.CONFIDENTIAL_READ).isEmpty();

    assertThat(api.get("/api/sessions/" + code + "/draw", "supervisor1").status()).isEqualTo(200);
    assertThat(api.get("/sessions/" + code + "/draw-record", "staff4").status()).isEqualTo(200);

    assertThat(audit.about(code)).filteredOn(e -> e.kind() == AuditKind.CONFIDENTIAL_READ)
        .extracting(AuditEntry::actor, AuditEntry::kind, AuditEntry::detail).containsExactly(
        tuple("staff4", AuditKind.CONFIDENTIAL_READ, "随机抽取评委记录单"),
        tuple("supervisor1", AuditKind.CONFIDENTIAL_READ, "抽取结果（评委名单）"));
    assertThat(audit.about(code)).allSatisfy(entry -> assertThat(entry.address()).isNotBlank());
  }

  @Test
  void onlyApproversPublishAdjustedFormsAndOnlyTheNamedGroupAnswersAnAddedItem() throws Exception {
    String committee = "接口测试中级评委会-" + System.nanoTime();
    region.committee(committee, "中级");
    String adjustment = java.nio.file.Files.readString(java.nio.file.Path.of("docs/record-form-adjustment-example.json"))
        .replace("南宁市工程系列中级职称评审委员会", committee);
    assertThat(api.postJson("/api/record-forms", "staff1", adjustment).status()).isEqualTo(403);
    Reply published = api.postJson("/api/record-forms", "approver1", adjustment);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(published.body()).contains("调整版第 1 版", "不适用：“是否在不联网的电脑上抽取”");

    ReviewSession session = data.session("中级", committee);
    forms.freeze(session);
    String items = "/api/sessions/" + session.code() + "/record/items";
    String answer = "{\"key\":\"countyExpertsDrawn\",\"value\":\"是\"}";
    assertThat(api.postJson(items, "staff1", answer).status()).isEqualTo(403);
    assertThat(api.postJson(items, "supervisor1", "{\"key\":\"nope\",\"value\":\"是\"}").status()).isEqualTo(400);
    Reply answered = api.postJson(items, "supervisor1", answer);
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.body()).contains("是否抽取了县区专家（是）");
  }

  @Test
  void publicationsRacingForOneCommitteeEachGetTheirOwnVersionOrAClearConflict() throws Exception {
    String committee = "并发测试中级评委会-" + System.nanoTime();
    region.committee(committee, "中级");
    String adjustment = java.nio.file.Files.readString(java.nio.file.Path.of("docs/record-form-adjustment-example.json"))
        .replace("南宁市工程系列中级职称评审委员会", committee);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        replies.add(pool.submit(() -> api.postJson("/api/record-forms", "approver1", adjustment)));
      }
      List<Reply> done = new java.util.ArrayList<>();
      for (var reply : replies) {
        done.add(reply.get());
      }
      assertThat(done).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
      done.stream().filter(r -> r.status() == 409)
          .forEach(r -> assertThat(r.body()).contains("另一请求同时写入了同一数据"));
      long published = done.stream().filter(r -> r.status() == 200).count();
      assertThat(forms.list()).filteredOn(v -> v.committeeName().equals(committee))
          .extracting(cn.gx.titlereview.record.RecordFormVersions.Version::number).doesNotHaveDuplicates()
          .hasSize((int) published);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void archiveAcceptsDocumentsWithTheirHashAndRefusesOtherFiles() {
    String code = startSession("staff1", "");
    Reply pdf = api.postFile("/api/sessions/" + code + "/archive/MINUTES", "staff1", "会议记录.pdf",
        "%PDF-1.4 minutes".getBytes());
    assertThat(pdf.status()).isEqualTo(201);
    assertThat(pdf.body()).contains("\"sha256\"");
    Reply exe = api.postFile("/api/sessions/" + code + "/archive/MINUTES", "staff1", "tool.exe", new byte[] {1});
    assertThat(exe.status()).isEqualTo(400);
    assertThat(exe.body()).contains("tool.exe 的类型不允许");
    assertThat(api.postFile("/api/sessions/" + code + "/archive/OTHER", "staff1", "a.pdf", new byte[] {1}).body())
        .contains("归档项目 OTHER 不存在");
  }

  @Test
  void aTaskCompletedWithoutItsRequiredFieldIsRefusedInChineseAndStaysOpen() {
    String code = startSession("staff1", "");
    String first = taskId(code, "Task_ReviewEligibility");
    assertThat(api.postJson("/engine-rest/task/" + first + "/complete", "staff1", "{}").status()).isEqualTo(204);
    managementService.createJobQuery().executable().list().forEach(j -> managementService.executeJob(j.getId()));
    String rectify = taskId(code, "Task_RectifyEligibility");
    Reply refused = api.postJson("/engine-rest/task/" + rectify + "/complete", "staff1", "{\"variables\": {}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("表单字段 rectificationNote 未填写");
    Reply viaTasklist = api.postJson("/engine-rest/task/" + rectify + "/submit-form", "staff1", "{\"variables\": {}}");
    assertThat(viaTasklist.status()).isEqualTo(400);
    assertThat(viaTasklist.body()).doesNotContain("ENGINE-").contains("rectificationNote 未填写");
    assertThat(taskService.createTaskQuery().taskId(rectify).count()).isEqualTo(1);
    assertThat(api.get("/api/sessions/" + code + "/gates", "supervisor1").body())
        .contains("\"gateKey\":\"eligibility\"").contains("\"passed\":false").contains("尚未导入申报人员名单");
  }

  @Test
  void expertPledgeSheetsPrintForStaffAndSignedScansAreKept() {
    ReviewSession session = fixture.sessionWithPanel();
    String expert = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).findFirst()
        .orElseThrow().expertCode();
    Reply sheets = api.get("/sessions/" + session.code() + "/pledges/experts", "staff1");
    assertThat(sheets.status()).isEqualTo(200);
    assertThat(sheets.body()).contains("2026年度测试评委会评审专家工作守则", "评审专家签名", expert)
        .doesNotContain("职称评委会评审专家工作守则");
    assertThat(api.get("/sessions/" + session.code() + "/pledges/experts", "approver1").status()).isEqualTo(403);
    String scanPath = "/api/sessions/" + session.code() + "/expert-pledges/" + expert + "/scan";
    assertThat(api.postFile(scanPath, "staff1", "签字页.exe", new byte[] {1}).body()).contains("类型不允许");
    Reply scan = api.postFile(scanPath, "staff1", "签字页.pdf", "%PDF-1.4 signed".getBytes());
    assertThat(scan.status()).as(scan.body()).isEqualTo(200);
    assertThat(api.postFile("/api/sessions/" + session.code() + "/expert-pledges/E40/scan", "staff1", "a.pdf",
        "%PDF".getBytes()).status()).isEqualTo(404);
    assertThat(api.get("/api/sessions/" + session.code() + "/record", "supervisor1").body())
        .contains("\"expertsSigned\":1", "\"expertsWithScan\":1");
  }

  @Test
  void staffRegisterAComplaintTakenByPhoneFromTasklist() {
    String code = startSession("staff1", "");
    String start = "/engine-rest/process-definition/key/RegisterComplaint/start";
    String body = """
        {"variables": {"complaintSessionCode": {"value": "%s"}, "complaintChannel": {"value": "电话"},
          "complaintApplicantNo": {"value": ""}, "complaintContent": {"value": "来电反映评审组织问题"}}}""";
    Reply registered = api.postJson(start, "staff1", body.formatted(code));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(api.get("/api/sessions/" + code + "/complaints", "supervisor1").body())
        .contains("来电反映评审组织问题", "\"channel\":\"电话\"");
    // Outside a publicity round, the main process opens the supervisors' verification.
    assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + code, "supervisor1").body())
        .contains("Task_VerifyLateComplaint");
    Reply unknown = api.postJson(start, "staff1", body.formatted("NO-SUCH"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("评审会 NO-SUCH 不存在");
  }

  @Test
  void theDrawRecordShowsTheDrawForSupervisorsAndTheSessionsStaffOnly() {
    ReviewSession session = fixture.sessionWithPanel();
    String seed = drawService.drawn(session.id()).isEmpty() ? "" : draws.find(session.id()).orElseThrow().seedHex();
    Reply page = api.get("/sessions/" + session.code() + "/draw-record", "supervisor1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("随机抽取评委记录单", seed, "E40", "名册状态为“暂停”", "评委会 11 人");
    assertThat(api.get("/sessions/" + session.code() + "/draw-record", "staff1").status()).isEqualTo(200);
    assertThat(api.get("/sessions/" + session.code() + "/draw-record", "approver1").status()).isEqualTo(403);
  }

  /** A session code already taken is a conflict with what exists: 409, in Chinese. */
  @Test
  void aDuplicateSessionCodeIsAConflict() {
    String code = startSession("staff1", "staff4");
    Reply again = api.postJson("/api/sessions", "staff1", """
        {"sessionCode":"%s","committeeCode":"IT-SENIOR","level":"正高","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":"staff4"}"""
        .formatted(code, TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("评审会编号 " + code + " 已存在");
  }

  private String taskId(String code, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult()
        .getId();
  }

  private String startSession(String user, String otherStaff) {
    String code = "API-" + (++sequence) + "-" + System.nanoTime() % 100000;
    Reply reply = api.postJson("/api/sessions", user, """
        {"sessionCode":"%s","committeeCode":"IT-SENIOR","level":"正高","reviewYear":2026,
         "plannedReviewStart":"%s","plannedReviewEnd":"%s","staffUserIds":"%s"}"""
        .formatted(code, TestData.REVIEW_START, TestData.REVIEW_START.plusDays(2), otherStaff));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return code;
  }
}
