package cn.gx.titlereview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import java.io.IOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An approver in Cockpit sees why a session waits: on the process instance, the tab 评审会合规情况 shows the failed
 * gate with its violations in Chinese, the state of 附件1 and the signatures; on the process definition, the tab
 * 评审会概况 lists the sessions by stage with their failing gates. Screenshots: target/screenshots/cockpit-*.png
 * (copied to docs/ for docs/designers.md).
 */
@IntegrationTest
class CockpitTabsBrowserTest {

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  @Test
  void anApproverSeesInCockpitWhyASessionWaits() throws Exception {
    String code = "COCKPIT-" + System.currentTimeMillis() % 1_000_000;
    ReviewSession session = walk.start(code, "staff4,staff3");
    // Completed before any applicant was imported: the eligibility gate fails and 整改：资格审查 waits.
    walk.complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);

    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.logIn("approver1");
      browser.get("/camunda/app/cockpit/default/#/process-instance/" + session.processInstanceId()
          + "/runtime?detailsTab=titleReviewSessionTab");
      WebElement tab = openTab(browser, "评审会合规情况", ".tr-gates");
      browser.wait.until(d -> tab.getText().contains("合规检查：资格审查"));
      assertThat(tab.getText()).contains("评审会 " + code, "合规检查：资格审查", "未通过",
          "【资格审查】", "尚未导入申报人员名单", "记录表（附件1）", "尚未进行", "记录表尚未签字");
      assertThat(browser.driver.findElement(By.linkText("记录表（附件1）")).getDomAttribute("href"))
          .isEqualTo("/sessions/" + code + "/record");
      browser.shoot("cockpit-session-tab");

      String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("SessionPreparation")
          .latestVersion().singleResult().getId();
      browser.get("/camunda/app/cockpit/default/#/process-definition/" + definitionId
          + "/runtime?detailsTab=titleReviewOverviewTab");
      WebElement overview = openTab(browser, "评审会概况", ".tr-overview");
      browser.wait.until(d -> overview.getText().contains(code));
      assertThat(overview.getText()).contains("处于“评审准备”环节的评审会", "评审准备", code, "合规检查：资格审查",
          "尚未导入申报人员名单", "整改：资格审查");
      browser.shoot("cockpit-overview-tab");
    }
  }

  /** The tab's content once Cockpit has rendered it; the tab is clicked if the address did not select it. */
  private static WebElement openTab(ChineseBrowser browser, String label, String content) throws IOException {
    try {
      browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[normalize-space(.)='" + label
          + "']")));
    } catch (TimeoutException e) {
      // What Cockpit showed instead, to tell a slow start from a page that never came.
      browser.shoot("cockpit-without-tab");
      throw new AssertionError("Cockpit showed no tab " + label + " at " + browser.driver.getCurrentUrl() + ":\n"
          + browser.driver.findElement(By.tagName("body")).getText() + "\nconsole:\n" + browser.console(), e);
    }
    if (browser.driver.findElements(By.cssSelector(content)).isEmpty()) {
      browser.driver.findElement(By.xpath("//a[normalize-space(.)='" + label + "']")).click();
    }
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(content)));
    return browser.driver.findElement(By.cssSelector(".tr-tab"));
  }
}
