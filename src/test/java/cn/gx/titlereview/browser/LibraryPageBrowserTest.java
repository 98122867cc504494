package cn.gx.titlereview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.library.LibraryService;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 评委库 as its keeper uses it: upload the whole library, read the differences, confirm, and see the new version;
 * the approving unit reads the same page without the forms and with contacts masked. Screenshots go to
 * target/screenshots/library-*.png.
 */
@IntegrationTest
class LibraryPageBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRegion region;
  @Autowired TestData data;
  @Autowired LibraryService library;

  @Test
  void theKeeperPreviewsAndConfirmsAnImportAndTheApproverReadsItMasked() throws Exception {
    Committee committee = region.committee("广西工程系列评委库示例评委会", "正高");
    List<Map<String, Object>> experts = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      experts.add(TestData.row("expertCode", String.format("GC%03d", i), "name", "专家" + i,
          "employer", i % 3 == 0 ? "广西大学" : "广西建工集团", "specialty", i % 2 == 0 ? "土木工程" : "电气工程",
          "title", "正高级工程师", "phone", String.format("1387712%04d", i), "status", i == 7 ? "暂停" : "在库",
          "termStart", "2025-01-01", "termEnd", i < 4 ? "2027-01-31" : "2027-12-31"));
    }
    library.apply(committee, data.json(experts), 0, null, "staff1");
    List<Map<String, Object>> next = new ArrayList<>(experts.subList(0, 27));
    next.get(1).put("employer", "广西交通设计集团");
    Path file = Files.createTempFile("library", ".json");
    Files.write(file, data.json(next).content());

    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.logIn("staff1");
      browser.get("/committees/" + committee.code() + "/library");
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library-preview")));
      browser.driver.findElement(By.cssSelector("#library-preview input[type=file]"))
          .sendKeys(file.toAbsolutePath().toString());
      browser.driver.findElement(By.cssSelector("#library-preview button")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("library-difference"), "出库 3 人"));
      assertThat(browser.driver.findElement(By.id("library-difference")).getText())
          .contains("变更 1 人", "工作单位：广西建工集团 → 广西交通设计集团", "尚未生效");
      browser.shoot("library-1-preview");
      browser.driver.findElement(By.id("library-confirm")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("library-applied"), "已生成第 2 版"));
      browser.get("/committees/" + committee.code() + "/library");
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("第 2 版", "138****0001")
          .doesNotContain("13877120001");
      browser.shoot("library-2-keeper");

      browser.logOut();
      browser.logIn("approver1");
      browser.get("/committees/" + committee.code() + "/library");
      String page = browser.driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("专家库状况", "导出全库（不含联系方式）").doesNotContain("预览差别", "13877120002");
      assertThat(browser.driver.findElements(By.id("library-preview"))).isEmpty();
      browser.shoot("library-3-approver");
    }
  }
}
