package cn.gx.titlereview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.ChineseBrowser;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestRegion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 监管统计 as the 自治区职改办's approver reads it: ten years of imported figures, the funnel with a committee out of
 * line, the pass rate by year, and a committee's file. Screenshots: target/screenshots/oversight-*.png.
 */
@IntegrationTest
class OversightBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRegion region;

  @Test
  void theRegionsViewDrawsTheFunnelAndTheYearsAndACommitteesFileReadsInPlainWords() throws Exception {
    List<Committee> committees = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      committees.add(region.committee("广西工程系列第" + i + "高级评委会（截图）", "正高"));
    }
    List<String> rows = new ArrayList<>();
    for (int year = 2007; year <= 2016; year++) {
      for (int i = 0; i < committees.size(); i++) {
        int applicants = 60 + 40 * i;
        int passed = i == 3 && year == 2016 ? applicants * 9 / 10 : applicants * (55 + (i * 7 + year) % 11) / 100;
        rows.add("""
            {"committeeCode":"%s","year":%d,"level":"高级","series":"工程","applicants":%d,"passed":%d,
             "passedPublicSector":%d,"passedEnterprise":%d}"""
            .formatted(committees.get(i).code(), year, applicants, passed, passed / 2, passed - passed / 2));
      }
    }
    Api api = new Api(port);
    assertThat(api.postJson("/api/oversight/past-years", "approver1", "[" + String.join(",", rows) + "]").status())
        .isEqualTo(200);

    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.logIn("approver1");
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1250));
      browser.get("/oversight?year=2016&level=%E9%AB%98%E7%BA%A7");
      String page = browser.driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("高级评委会通过率漏斗图", "历年通过率", "通过率异常", "立项督查", "2016 年度职称评审监督情况报告")
          .doesNotContain("null", "ABNORMAL", "committeeCode");
      assertThat(browser.driver.findElements(By.cssSelector(".figure svg circle"))).hasSizeGreaterThanOrEqualTo(8);
      browser.shoot("oversight-region");
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 3200));
      browser.shoot("oversight-region-full");
      browser.get("/oversight/committees/" + committees.get(3).code());
      String file = browser.driver.findElement(By.tagName("body")).getText();
      assertThat(file).contains("评委会档案", "历年概况", "2007", "2016", "导入", "通过率异常").doesNotContain("null");
      browser.shoot("oversight-committee");
    }
  }
}
