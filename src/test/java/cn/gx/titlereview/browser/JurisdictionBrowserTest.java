package cn.gx.titlereview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.CitySessions;
import cn.gx.titlereview.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 谁批准组建，谁负责监管, as the people of two cities see it in the browser: 桂林市职改办's approver finds 桂林's session
 * and its inspection in Tasklist, Cockpit and the supervision view, and nothing of 南宁's; 南宁's the reverse.
 * Screenshots: target/screenshots/jurisdiction-*.png.
 */
@IntegrationTest
class JurisdictionBrowserTest {

  private static final String INSPECTION_TASKS = "//li[contains(@class,'task') and contains(.,'督查并登记问题清单')]";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired CitySessions cities;

  @Test
  void aCitysApproverSeesItsOwnCommitteesSessionsAndNothingOfAnotherCitysInTasklistCockpitAndTheSupervisionView()
      throws Exception {
    Api api = new Api(port);
    String nanning = cities.start(api, "staff1", "GX-DEMO-A");
    String guilin = cities.start(api, "staff2", "GX-DEMO-B");
    cities.inspect(api, "nn-approver1", nanning);
    cities.inspect(api, "gl-approver1", guilin);

    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      // Both inspections wait at 督查并登记问题清单; each city's approver is offered its own only.
      browser.logIn("gl-approver1");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "督查并登记问题清单"));
      assertThat(browser.driver.findElements(By.xpath(INSPECTION_TASKS))).hasSize(1);
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain(nanning);
      browser.shoot("jurisdiction-tasklist-guilin");

      String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("TitleReviewSession")
          .latestVersion().singleResult().getId();
      browser.get("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), guilin));
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains(guilin).doesNotContain(nanning);
      browser.shoot("jurisdiction-cockpit-guilin");

      browser.get("/supervision");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), guilin));
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains(guilin).doesNotContain(nanning);
      browser.shoot("jurisdiction-supervision-guilin");

      browser.logOut();
      browser.logIn("nn-approver1");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "督查并登记问题清单"));
      assertThat(browser.driver.findElements(By.xpath(INSPECTION_TASKS))).hasSize(1);
      browser.get("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), nanning));
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains(nanning).doesNotContain(guilin);
      browser.shoot("jurisdiction-cockpit-nanning");
    }
  }
}
