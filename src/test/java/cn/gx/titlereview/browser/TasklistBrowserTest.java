package cn.gx.titlereview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.support.Xlsx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's work in a real browser (Debian's headless Chromium through Selenium and chromedriver): a staff user
 * logs into the Chinese Tasklist, starts a session with the start form, opens and completes its first task; then
 * an approver opens the supervision view and finds the figures. Screenshots go to target/screenshots/. Skips with
 * a message when Chromium or chromedriver is missing; .ci/run installs both.
 */
@IntegrationTest
class TasklistBrowserTest {

  static final Path SHOTS = ChineseBrowser.SHOTS;

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired SessionFixture fixture;
  @Autowired RecordService records;
  @Autowired TestData data;
  @Autowired ApplicantRepository applicants;
  @Autowired SessionWalk walk;

  private ChineseBrowser chinese;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    chinese = ChineseBrowser.open(port);
    browser = chinese.driver;
    wait = chinese.wait;
  }

  @AfterEach
  void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
    if (chinese != null) {
      shoot("last-" + test.getTestMethod().orElseThrow().getName());
      chinese.close();
    }
  }

  @Test
  void aStaffMemberStartsASessionAndCompletesItsFirstTaskInChinese() throws Exception {
    logIn("staff1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(.,'发起流程')]")));
    // The filter list loads after the header: wait for it rather than race it.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
    assertThat(browser.getPageSource()).doesNotContain("Start process");
    shoot("01-tasklist-zh");

    String code = "E2E-" + System.currentTimeMillis() % 1_000_000;
    browser.findElement(By.xpath("//a[contains(.,'发起流程')]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(.,'职称评审会')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[contains(.,'评审会编号')]")));
    type("评审会编号", code);
    type("评委会编码", TestRegion.SENIOR);
    browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='正高']"))).click();
    type("评审年度", "2026");
    field("计划评审开始日期").sendKeys("2026/12/10", Keys.ENTER);
    field("计划评审结束日期").sendKeys("2026/12/12", Keys.ENTER);
    type("本评审会工作人员账号", "staff4");
    shoot("02-start-form");
    browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='发起']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-footer")));

    wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(code).count() == 1);
    // The task list tells sessions apart: each item shows its 评审会编号.
    browser.get(base() + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), code));
    shoot("01b-task-list-with-session");
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='认领']"))).click();
    WebElement done = wait.until(ExpectedConditions.elementToBeClickable(field("已完成全部申报材料的资格审查")));
    done.click();
    shoot("03-first-task");
    // A notification may lie over the button for a moment; click it as a person would once it is clear.
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
        browser.findElement(By.xpath("//button[normalize-space(.)='完成']")));
    wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);

    // The gate ran after the task (asynchronously): through the API, the session has moved on to it and stopped.
    managementService.createJobQuery().executable().list().forEach(j -> managementService.executeJob(j.getId()));
    Api.Reply tasks = new Api(port).get("/engine-rest/task?processInstanceBusinessKey=" + code, "staff1");
    assertThat(tasks.body()).contains("Task_RectifyEligibility", "整改：资格审查");
    assertThat(new Api(port).get("/api/sessions/" + code, "staff1").body()).contains("\"level\":\"正高\"");
    browser.get(base() + "/camunda/app/tasklist/default/#/?task="
        + taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId());
    wait.until(d -> d.findElements(By.tagName("textarea")).stream()
        .anyMatch(t -> String.valueOf(t.getDomProperty("value")).contains("尚未导入申报人员名单")));
    shoot("04-rectification");

    logOut();
    logIn("approver1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'我的待办')]")));
    browser.get(base() + "/supervision");
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("tr[data-code='" + code + "']")));
    assertThat(row.getText()).contains("评审准备", "合规检查：资格审查", "待整改：资格审查");
  }

  @Test
  void anApproverReadsASessionsFiguresInTheSupervisionView() throws Exception {
    ReviewSession session = fixture.sessionWithVotes();
    String passRate = records.form(session).basics().passRate();
    logIn("approver1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'我的待办')]")));
    browser.get(base() + "/supervision?year=2026");
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("tr[data-code='" + session.code() + "']")));
    assertThat(row.findElement(By.cssSelector("td.rate")).getText()).startsWith(passRate).isNotBlank();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#passRates canvas")));
    shoot("05-supervision");
  }

  /**
   * The day of issue 15, as a clerk lives it: the task list names the session and the due date; the task's form
   * leads to the workspace; the template is downloaded, filled and uploaded (a wrong file first); the form then shows
   * the count; the task is completed and found under 已办事项.
   */
  @Test
  void staffFillTheApplicantTemplateUploadItCompleteTheTaskAndFindItDone() throws Exception {
    ReviewSession session = walk.start("E2E-WS-" + System.currentTimeMillis() % 1_000_000, "");
    logIn("staff1");
    WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//li[contains(@class,'task') and contains(.,'" + session.code() + "')]")));
    assertThat(card.findElement(By.cssSelector(".due-date")).getText()).startsWith("到期");
    assertThat(browser.findElements(By.xpath("//a[contains(.,'创建任务')]"))).noneMatch(WebElement::isDisplayed);
    shoot("06a-task-list-due-date");

    // From the task's form, the way a civil servant goes: the form shows the data and links to its section.
    String task = taskService.createTaskQuery().processInstanceBusinessKey(session.code()).singleResult().getId();
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + task);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "尚未导入申报人员名单"));
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='认领']"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("打开数据工作台"))).click();
    new java.util.ArrayList<>(browser.getWindowHandles()).stream().reduce((a, b) -> b)
        .ifPresent(handle -> browser.switchTo().window(handle));

    WebElement section = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applicants")));
    Path template = ChineseBrowser.DOWNLOADS.resolve("申报人员名单模板.xlsx");
    Files.deleteIfExists(template);
    section.findElement(By.partialLinkText("下载填写模板")).click();
    wait.until(d -> Files.exists(template));
    Path bad = ChineseBrowser.DOWNLOADS.resolve("申报人员名单-有误.xlsx");
    Files.write(bad, Xlsx.fill(Files.readAllBytes(template), List.of(
        List.of("SB01", "", "广西大学", "体制内事业单位", "正高", "工程", "土木工程", "通过"))));
    Path good = ChineseBrowser.DOWNLOADS.resolve("申报人员名单.xlsx");
    Files.write(good, Xlsx.fill(Files.readAllBytes(template), List.of(
        List.of("SB01", "李强", "广西大学", "体制内事业单位", "正高", "工程", "土木工程", "通过"),
        List.of("SB02", "王芳", "桂林理工大学", "体制内事业单位", "正高", "工程", "土木工程", "不通过", "任现职年限不足5年"))));

    WebElement form = section.findElement(By.cssSelector("form[data-endpoint$='/applicants']"));
    assertThat(form.getText()).contains("选择文件", "未选择文件");
    form.findElement(By.cssSelector("input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
    assertThat(form.findElement(By.className("file-chosen")).getText()).isEqualTo("申报人员名单-有误.xlsx");
    form.findElement(By.tagName("button")).click();
    WebElement result = form.findElement(By.xpath("following-sibling::div[1]"));
    wait.until(d -> result.getText().contains("第 2 行「姓名」：不能为空"));
    assertThat(applicants.count(session.id())).isZero();
    form.findElement(By.cssSelector("input[type=file]")).sendKeys(good.toAbsolutePath().toString());
    form.findElement(By.tagName("button")).click();
    wait.until(d -> result.getText().equals("成功：已导入 2 行"));
    assertThat(applicants.count(session.id())).isEqualTo(2);

    // The page, reloaded, lists both uploads; the list itself is one click away.
    browser.navigate().refresh();
    section = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applicants")));
    assertThat(section.getText()).contains("申报人员名单-有误.xlsx", "未导入，未写入任何数据", "申报人员名单.xlsx", "已导入 2 行");
    shoot("06-workspace");
    section.findElement(By.partialLinkText("查看当前名单")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "共 2 条"));
    assertThat(browser.findElement(By.tagName("table")).getText()).contains("李强", "任现职年限不足5年");
    shoot("06c-list");

    // Back in Tasklist, the form shows what came in; the task is completed and listed under 已办事项.
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + task);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已导入申报人员 2 人"));
    shoot("06b-form-with-data");
    wait.until(ExpectedConditions.elementToBeClickable(field("已完成全部申报材料的资格审查"))).click();
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
        browser.findElement(By.xpath("//button[normalize-space(.)='完成']")));
    wait.until(d -> taskService.createTaskQuery().taskId(task).count() == 0);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(.,'已办事项')]"))).click();
    WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//tr[contains(.,'" + session.code() + "')]")));
    assertThat(done.getText()).contains("导入申报人员并审核资格");
    shoot("06d-done-tasks");
  }

  @Test
  void anApproverOpensAnInspectionFromTheSupervisionView() throws Exception {
    ReviewSession session = data.session("中级");
    logIn("approver1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'我的待办')]")));
    browser.get(base() + "/supervision");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("督查"))).click();
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[data-endpoint='/api/inspections']")));
    form.findElement(By.name("sessionCode")).sendKeys(session.code());
    form.findElement(By.cssSelector("input[name=means][value='查阅资料']")).click();
    form.findElement(By.cssSelector("input[name=means][value='约谈']")).click();
    form.findElement(By.name("triggerNote")).sendKeys("年度例行督查");
    form.findElement(By.tagName("button")).click();
    WebElement result = form.findElement(By.xpath("following-sibling::div[1]"));
    wait.until(d -> result.getText().startsWith("成功"));
    assertThat(result.getText()).startsWith("成功：督查 ").contains("评审会 " + session.code() + "（例行督查；约谈、查阅资料）");
    browser.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(.,'评审会 " + session.code() + "')]")));
    shoot("07-inspections");
  }

  /**
   * Types as a person would, and checks the field kept it: the form re-renders on a debounce after each field, and
   * keys that arrive during a re-render are lost. Then it types again, as a person who saw the empty field would.
   */
  private void type(String label, String text) throws InterruptedException {
    for (int attempt = 0; attempt < 5; attempt++) {
      WebElement input = field(label);
      input.clear();
      input.sendKeys(text);
      Thread.sleep(400);
      if (text.equals(field(label).getAttribute("value"))) {
        return;
      }
    }
    throw new AssertionError("字段“" + label + "”未能输入：" + text);
  }

  /** The input of a Camunda Forms field, found by its Chinese label. */
  private WebElement field(String label) {
    WebElement element = browser.findElement(By.xpath("//label[contains(.,'" + label + "')]"));
    String id = element.getAttribute("for");
    return id == null || id.isBlank() ? element.findElement(By.xpath(".//input")) : browser.findElement(By.id(id));
  }

  private void logIn(String user) throws Exception {
    chinese.logIn(user);
  }

  private void logOut() {
    chinese.logOut();
  }

  private void shoot(String name) throws Exception {
    chinese.shoot(name);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
