package cn.gx.titlereview.workflow.gate;

/**
 * One broken rule: which rule, about whom (an applicant, an expert, a user or the session), and what was found.
 * All three are Chinese text shown to the people who rectify it.
 */
public record Violation(String rule, String subject, String finding) {

  public String describe() {
    return "【" + rule + "】" + subject + "：" + finding;
  }
}
