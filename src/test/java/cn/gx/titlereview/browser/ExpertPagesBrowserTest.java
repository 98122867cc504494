package cn.gx.titlereview.browser;

import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.expert.ContactLog;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The expert's three pages on a phone (390×844), as he opens his links from SMS: 出席确认, then 工作守则确认, then
 * 回避申报 once the groups are formed; and a used link. Nothing overflows the screen's width. Screenshots go to
 * target/screenshots/expert-*.png.
 */
@IntegrationTest
class ExpertPagesBrowserTest {

  static final Pattern LINK = Pattern.compile("(/e/[A-Za-z0-9_-]{44})");

  @LocalServerPort int port;
  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ExpertDrawService drawService;
  @Autowired ReviewService reviewService;
  @Autowired ContactLog contacts;

  @Test
  void anExpertAnswersAllThreeOnHisPhone() throws Exception {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    DrawnExpert expert = drawService.drawn(session.id()).stream().filter(d -> DrawnExpert.MEMBER.equals(d.role()))
        .findFirst().orElseThrow();
    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.phone();

      browser.get(link(session, expert, "出席确认"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form button")));
      assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("出席确认");
      assertFitsThePhone(browser);
      browser.shoot("expert-1-attend");
      browser.driver.findElement(By.cssSelector("input[value=attend]")).click();
      browser.driver.findElement(By.cssSelector("form button")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ok"), "您已确认出席"));
      browser.shoot("expert-2-attend-done");

      browser.get(link(session, expert, "工作守则确认"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typedName")));
      assertThat(browser.driver.findElements(By.cssSelector(".pledge p"))).hasSize(9);
      assertFitsThePhone(browser);
      browser.shoot("expert-3-pledge");
      browser.driver.findElement(By.id("typedName")).sendKeys(expert.name());
      browser.driver.findElement(By.cssSelector("input[name=confirm]")).click();
      browser.driver.findElement(By.cssSelector("form button")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ok"), "您已签名确认"));

      // The others answer through staff; the groups are formed, and his 回避申报 notice follows.
      List<java.util.Map<String, Object>> rows = drawService.drawn(session.id()).stream()
          .filter(d -> DrawnExpert.MEMBER.equals(d.role()) && d.response() == null)
          .map(d -> row("expertCode", d.expertCode(), "accepted", true)).toList();
      drawService.recordResponses(session, data.json(rows), "staff1");
      reviewService.applyPlan(session, reviewService.proposePlan(session));
      browser.get(link(session, expert, "回避申报"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person select")));
      assertFitsThePhone(browser);
      browser.shoot("expert-4-recusal");
      WebElement first = browser.driver.findElement(By.cssSelector(".person select"));
      new Select(first).selectByValue("师生关系");
      browser.shoot("expert-5-recusal-chosen");
      browser.driver.findElement(By.cssSelector("form button")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ok"), "您已申报须回避 1 项"));
      browser.shoot("expert-6-recusal-done");

      browser.get(link(session, expert, "出席确认"));
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "此链接已使用"));
      assertThat(browser.driver.findElement(By.cssSelector(".error")).getText()).contains("提交了出席确认");
      assertFitsThePhone(browser);
      browser.shoot("expert-7-used");
    }
    // Staff see his answers as his own, beside those they typed in, and the contact log with each notice's text.
    try (ChineseBrowser staff = ChineseBrowser.open(port)) {
      staff.logIn("staff1");
      staff.get("/sessions/" + session.code() + "/experts");
      staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts")));
      String page = staff.driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("专家答复情况", "出席（本人）", "出席（工作人员代填）", "本人通过链接申报须回避 1 项", "本人确认",
          "演示发件箱", "短信内容：【职称评审】");
      staff.shoot("expert-8-staff-replies");
      staff.get("/sessions/" + session.code() + "/experts/call-list");
      staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
      assertThat(staff.driver.findElement(By.tagName("body")).getText()).contains("电话通知单");
      staff.shoot("expert-9-call-list");
    }
  }

  private String link(ReviewSession session, DrawnExpert expert, String purpose) {
    List<ContactLog.Entry> sent = contacts.entries(session.id()).stream()
        .filter(e -> e.expertCode().equals(expert.expertCode()) && purpose.equals(e.purpose())
            && e.messageText() != null).toList();
    Matcher m = LINK.matcher(sent.get(sent.size() - 1).messageText());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** No horizontal scrolling on a phone: the page is no wider than its viewport. */
  private static void assertFitsThePhone(ChineseBrowser browser) {
    Number scroll = (Number) ((JavascriptExecutor) browser.driver)
        .executeScript("return document.documentElement.scrollWidth");
    Number width = (Number) ((JavascriptExecutor) browser.driver).executeScript("return window.innerWidth");
    assertThat(scroll.intValue()).isLessThanOrEqualTo(width.intValue()).isEqualTo(390);
  }
}
