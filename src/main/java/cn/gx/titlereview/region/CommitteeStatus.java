package cn.gx.titlereview.region;

import java.util.Arrays;
import java.util.Optional;

/** Whether a committee may hold sessions. */
public enum CommitteeStatus {

  ACTIVE("正常"),
  SUSPENDED("暂停"),
  DISSOLVED("撤销");

  private final String label;

  CommitteeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Optional<CommitteeStatus> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.name().equals(text) || s.label.equals(text)).findFirst();
  }
}
