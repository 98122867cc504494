package cn.gx.titlereview.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One of our pages as a user prints it: Debian's headless Chromium, driven by chromedriver, logs in on the product's
 * login page, opens the page, waits for its fonts and prints it as the print dialog does with the page's own paper
 * size and margins (CSS {@code @page}) and without the browser's header and footer. Also keeps a screenshot.
 */
public final class ChromiumPrint {

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromiumPrint() {
  }

  public static boolean available() {
    return HeadlessChromium.available() && Files.isExecutable(CHROMEDRIVER);
  }

  /** The printed PDF's bytes; a screenshot of the page (A4 width) goes to {@code png}. */
  public static byte[] print(String base, String user, String path, Path png) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(HeadlessChromium.BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--hide-scrollbars", "--window-size=900,1400",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
      chrome.get(base + "/login");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
      chrome.findElement(By.id("password")).sendKeys("demo");
      chrome.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
      chrome.get(base + path);
      chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      chrome.executeAsyncScript("document.fonts.ready.then(() => arguments[arguments.length - 1]())");
      Files.createDirectories(png.getParent());
      Files.write(png, chrome.getScreenshotAs(OutputType.BYTES));
      Map<String, Object> printed = chrome.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true,
          "displayHeaderFooter", false, "printBackground", false));
      return Base64.getDecoder().decode((String) printed.get("data"));
    } finally {
      chrome.quit();
    }
  }
}
