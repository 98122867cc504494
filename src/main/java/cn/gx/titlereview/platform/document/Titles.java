package cn.gx.titlereview.platform.document;

import java.util.List;

/** A document title broken where a reader expects it, so that a long committee name never runs over the margin. */
public final class Titles {

  /** Longer titles than this (characters) go on two lines. */
  static final int ONE_LINE = 24;

  private Titles() {
  }

  /**
   * One line, or two: up to and including the committee's name, then the rest (「2026年广西工程系列正高级职称评审委员会」 /
   * 「职称评审情况记录表」).
   */
  public static List<String> lines(String title, String committeeName) {
    int at = committeeName == null || committeeName.isEmpty() ? -1 : title.indexOf(committeeName);
    int end = at + (committeeName == null ? 0 : committeeName.length());
    if (title.length() <= ONE_LINE || at < 0 || end >= title.length()) {
      return List.of(title);
    }
    return List.of(title.substring(0, end), title.substring(end));
  }
}
