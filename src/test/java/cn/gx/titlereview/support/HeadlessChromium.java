package cn.gx.titlereview.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium, headless, for screenshots of our pages. Tests skip when it is not installed. */
public final class HeadlessChromium {

  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {
  }

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** Renders the page at A4 width (96 dpi) and writes a PNG. */
  public static Path screenshot(String url, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    Path profile = Files.createTempDirectory("chromium-profile");
    Process process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=900,2400",
        "--screenshot=" + png.toAbsolutePath(), url))
        .redirectErrorStream(true).redirectOutput(png.resolveSibling(png.getFileName() + ".log").toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium 截图超时：" + url);
    }
    return png;
  }
}
