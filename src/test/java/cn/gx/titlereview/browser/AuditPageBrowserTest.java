package cn.gx.titlereview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit administrator's page in the browser: a question about one session, the chain checked, the people named.
 * Screenshot: target/screenshots/audit-page.png.
 */
@IntegrationTest
class AuditPageBrowserTest {

  @LocalServerPort int port;
  @Autowired AuditTrail trail;

  @Test
  void theAuditAdministratorAsksAboutASessionAndSeesWhoReadItsDrawnExpertsAndThatTheTrailIsWhole() throws Exception {
    String session = "GX-DEMO-A-2026-" + System.nanoTime() % 1000;
    trail.record("supervisor1", AuditKind.CONFIDENTIAL_READ, session, "抽取结果（评委名单）");
    trail.record("staff1", AuditKind.EXPORT, session, "下载《随机抽取评委记录单.docx》");
    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.logIn("auditor1");
      browser.get("/audit?session=" + session + "&check=1");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "记录完整"));
      String page = browser.driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("赵强（纪检监督员，南宁建设工程集团有限公司；账号 supervisor1）", "查阅保密信息", "抽取结果（评委名单）",
          "李明（工作人员，南宁建设工程集团有限公司；账号 staff1）", "导出",
          "共 2 条");
      browser.shoot("audit-page");
    }
  }
}
