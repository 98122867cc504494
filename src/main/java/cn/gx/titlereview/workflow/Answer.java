package cn.gx.titlereview.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One item's answer on the record form (附件1), with its evidence. A null value means not reached yet (未完成): the
 * record never guesses 是 or 否.
 */
public record Answer(String value, String evidence, String attestedBy) {

  public static final String NOT_REACHED = "未完成";

  public static Answer of(String value, String evidence) {
    return new Answer(value, evidence, null);
  }

  public static Answer yesNo(boolean yes, String evidence) {
    return new Answer(yes ? "是" : "否", evidence, null);
  }

  public static Answer notReached(String why) {
    return new Answer(null, why, null);
  }

  /** The same answer with more evidence after it: what the system recorded beside what someone attested. */
  public Answer and(Answer more) {
    return more == null ? this : new Answer(value, evidence + "；" + more.evidence(), attestedBy);
  }

  public String shown() {
    return value == null ? NOT_REACHED : value;
  }

  /** A percentage with one decimal, or null when there is nothing to divide by. */
  public static String rate(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
  }
}
