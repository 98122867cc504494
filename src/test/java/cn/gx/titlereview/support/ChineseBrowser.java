package cn.gx.titlereview.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser as a user in China has it: Debian's headless Chromium driven by Selenium, zh-CN, 1400×1000 (or a phone's
 * screen, {@link #phone()}), with the product's login. Tests using it skip with a message when Chromium or chromedriver is missing (.ci/run installs
 * both). Screenshots go to target/screenshots/.
 */
public final class ChineseBrowser implements AutoCloseable {

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SHOTS = Path.of("target", "screenshots");
  /** Where the browser saves what the user downloads. */
  public static final Path DOWNLOADS = Path.of("target", "downloads");

  public final WebDriver driver;
  public final WebDriverWait wait;
  private final String base;

  private ChineseBrowser(WebDriver driver, int port) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    this.base = "http://localhost:" + port;
  }

  public static ChineseBrowser open(int port) throws IOException {
    assumeTrue(HeadlessChromium.available() && Files.isExecutable(CHROMEDRIVER),
        "未安装 /usr/bin/chromium 或 /usr/bin/chromedriver：跳过浏览器测试（apt-get install chromium chromium-driver；.ci/run 会安装）");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(HeadlessChromium.BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--window-size=1400,1000", "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    // The page's console, for a test to say what a page that never came complained of.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    // New headless Chromium ignores --lang for navigator.language, which sets the date pickers' format: as in China.
    chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
    Files.createDirectories(SHOTS);
    Files.createDirectories(DOWNLOADS);
    chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
        "downloadPath", DOWNLOADS.toAbsolutePath().toString()));
    return new ChineseBrowser(chrome, port);
  }

  /** What the page wrote to its console since the last call, one entry a line. */
  public String console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
        .collect(Collectors.joining("\n"));
  }

  /** From now on a phone's screen, 390×844 CSS pixels at 3× (an iPhone 12–14): the viewport meta tag applies. */
  public void phone() {
    ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
        "height", 844, "deviceScaleFactor", 3, "mobile", true));
  }

  public String url(String path) {
    return base + path;
  }

  public void get(String path) {
    driver.get(url(path));
  }

  /** Opens Tasklist as a user would: the product's login page comes first, then Tasklist itself. */
  public void logIn(String user) throws IOException {
    get("/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    shoot("00-login");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
  }

  /** Tasklist's own 退出登录 ends the product's session and comes back to its login page. */
  public void logOut() {
    if (!driver.getCurrentUrl().contains("/camunda/app/")) {
      get("/camunda/app/tasklist/default/");
    }
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".account .dropdown-toggle"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(.,'退出登录')]"))).click();
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  public void shoot(String name) throws IOException {
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
