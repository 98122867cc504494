package cn.gx.titlereview.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year without its working-day notice: from 1 November the supervision view, Cockpit's session tab and the calendar
 * page say that next year's notice is missing and which open sessions it will stop; an administrator enters it on the
 * calendar page with the API's checks, and the warning is gone. The shipped calendar has 2025 and 2026, so the clock
 * is set in 2026. Screenshot: target/screenshots/calendar-page.png.
 */
@IntegrationTest
class MissingNoticeTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired SessionWalk walk;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired NoticeWarningMail warningMail;

  @AfterEach
  void forgetTheEnteredYear() {
    clock.reset();
    // Other tests of this context count on 2027 being missing (a publicity into 2027 must stop).
    jdbc.sql("delete from calendar_day where notice_year = 2027").update();
    jdbc.sql("delete from calendar_year where notice_year = 2027").update();
    jdbc.sql("delete from calendar_warning_run where notice_year = 2027").update();
  }

  @Test
  void fromNovemberNextYearsMissingNoticeIsWarnedOfUntilAnAdministratorEntersIt() throws Exception {
    Api api = new Api(port);
    String december = "NOTICE-DEC-" + System.nanoTime() % 1_000_000;
    String november = "NOTICE-NOV-" + System.nanoTime() % 1_000_000;
    walk.start(december, "staff4", LocalDate.of(2026, 12, 28));
    walk.start(november, "staff4", LocalDate.of(2026, 11, 10));

    clock.set("2026-10-31T09:00");
    assertThat(notice(api).get("missing").asBoolean()).as("October: not yet").isFalse();
    assertThat(api.get("/supervision", "approver1").body()).doesNotContain("工作日历尚未录入");

    clock.set("2026-11-01T09:00");
    JsonNode warning = notice(api);
    assertThat(warning.get("missing").asBoolean()).isTrue();
    assertThat(warning.get("year").asInt()).isEqualTo(2027);
    assertThat(json.convertValue(warning.get("stoppedSessions"), String[].class))
        .as("publicity of the December session reaches into 2027, the November one's does not")
        .contains(december).doesNotContain(november);
    assertThat(warning.get("message").asText()).contains("2027 年的法定节假日安排", "公示环节暂停", december);
    assertThat(api.get("/supervision", "approver1").body())
        .contains("2027 年工作日历尚未录入", december, "请联系系统管理员录入");
    // The administrators' morning e-mail, sent once a day whichever node runs first.
    assertThat(warningMail.warn(LocalDate.of(2026, 11, 1))).isPositive();
    assertThat(warningMail.warn(LocalDate.of(2026, 11, 1))).as("once a day").isZero();
    MimeMessage mail = SMTP.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("【职称评审】请录入 2027 年的法定节假日安排");
    // The system administrators keep the calendar; the bootstrap account hears of it while it is in service.
    assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    })).containsExactlyInAnyOrder("sysadmin1@demo.invalid", "admin@localhost");
    assertThat((String) mail.getContent()).contains(december, "/calendar");

    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.logIn("admin");
      // Cockpit's session tab, on the December session.
      browser.get("/camunda/app/cockpit/default/#/process-instance/"
          + walk.openTask(december, "staff1", "Task_ReviewEligibility").getProcessInstanceId()
          + "/runtime?detailsTab=titleReviewSessionTab");
      String tab = "//a[normalize-space(.)='评审会合规情况']";
      browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(tab)));
      if (browser.driver.findElements(By.cssSelector(".tr-code")).isEmpty()) {
        browser.driver.findElement(By.xpath(tab)).click();
      }
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tr-code")));
      browser.shoot("cockpit-notice");
      assertThat(browser.driver.findElement(By.cssSelector(".tr-notice")).getText())
          .contains("2027 年工作日历尚未录入", "本评审会的公示期将延伸到 2027 年");

      browser.get("/calendar");
      WebElement warningBox = browser.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice-warning")));
      assertThat(warningBox.getText()).contains("2027 年工作日历尚未录入", december);
      assertThat(browser.driver.findElement(By.id("year")).getDomProperty("value")).isEqualTo("2027");
      browser.driver.findElement(By.id("source")).sendKeys("国务院办公厅关于2027年部分节假日安排的通知");
      browser.driver.findElement(By.id("holidays")).sendKeys("2027-01-01\n2027-02-06 至 2027-02-13\n2027年5月1日");
      // 2027-02-15 is a Monday: the same check as the API refuses it, and nothing is stored.
      browser.driver.findElement(By.id("workdays")).sendKeys("2027-02-15");
      browser.driver.findElement(By.cssSelector("form.notice button")).click();
      WebElement result = browser.driver.findElement(By.cssSelector(".result"));
      browser.wait.until(d -> result.getText().startsWith("未成功"));
      assertThat(result.getText()).contains("2027-02-15 不是周末，本来就是工作日");
      assertThat(notice(api).get("missing").asBoolean()).isTrue();
      browser.shoot("calendar-page");

      browser.driver.findElement(By.id("workdays")).clear();
      browser.driver.findElement(By.id("workdays")).sendKeys("2027-02-20");
      browser.driver.findElement(By.cssSelector("form.notice button")).click();
      browser.wait.until(d -> result.getText().startsWith("成功"));
      assertThat(result.getText()).contains("已保存 2027 年的放假安排：放假 10 天，调休上班 1 天");
    }

    assertThat(notice(api).get("missing").asBoolean()).as("entered: no more warning").isFalse();
    assertThat(api.get("/supervision", "approver1").body()).doesNotContain("工作日历尚未录入");
    JsonNode stored = json.readTree(api.get("/api/calendar/2027", "staff1").body());
    assertThat(stored.get("workdays").toString()).isEqualTo("[\"2027-02-20\"]");

    // The same notice imported from a file, with the API's checks: a weekday as a make-up working day is refused.
    Api.Reply refused = api.postFile("/api/calendar/import", "admin", "2027.json", """
        {"year": 2027, "source": "通知", "holidays": ["2027-01-01"], "workdays": ["2027-02-15"]}"""
        .getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("2027-02-15 不是周末");
    Api.Reply imported = api.postFile("/api/calendar/import", "admin", "2027.json", """
        [{"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知", "holidays": ["2027-01-01"],
          "workdays": []}]""".getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.body()).contains("\"year\":2027", "\"holidays\":1");
    assertThat(api.postFile("/api/calendar/import", "staff1", "2027.json", "[]".getBytes(StandardCharsets.UTF_8))
        .status()).as("administrators only").isEqualTo(403);
  }

  private JsonNode notice(Api api) throws Exception {
    Api.Reply reply = api.get("/api/supervision/calendar-notice", "staff1");
    assertThat(reply.status()).isEqualTo(200);
    return json.readTree(reply.body());
  }
}
