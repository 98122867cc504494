package cn.gx.titlereview.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's Chromium, for the browser tests and the printed pages. Tests skip when it is not installed. */
public final class HeadlessChromium {

  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {
  }

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }
}
