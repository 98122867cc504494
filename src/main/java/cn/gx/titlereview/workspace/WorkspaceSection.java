package cn.gx.titlereview.workspace;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sections of the 数据工作台, in the order of the review's stages. A user task names its section in the model
 * (extension property {@code workspaceSection}); its form then shows the section's data and links to it.
 */
enum WorkspaceSection {
  STAFF("staff", "本评审会工作人员", null, null),
  APPLICANTS("applicants", "申报人员名单及资格审查结果", "applicants", "applicants", Stage.PREPARATION),
  ROSTER("roster", "评委名册", "roster", "roster", Stage.EXPERT_DRAW),
  DRAW("draw", "抽取结果与通知情况（保密）", "draw/responses", "responses", Stage.EXPERT_DRAW),
  ATTENDANCE("attendance", "评委出席情况", "attendance", "attendance", Stage.TRAINING, Stage.SEALED_REVIEW),
  EXPERT_PLEDGES("expert-pledges", "评审专家工作守则（附件2）", "expert-pledges", "expert-pledges", Stage.TRAINING),
  REVIEW_GROUPS("review-groups", "评议组与审阅专家", null, null, Stage.SEALED_REVIEW),
  RECUSALS("recusals", "回避", "recusals", "recusals", Stage.SEALED_REVIEW),
  VOTES("votes", "集体表决结果", "votes", "votes", Stage.SEALED_REVIEW),
  REVIEW_TIMES("review-times", "评审时间", "review-times", "review-times", Stage.SEALED_REVIEW),
  RECHECKS("rechecks", "结果复核", "recheck-findings", "rechecks", Stage.RESULT_RECHECK, Stage.SPOT_CHECK_RECHECK),
  /** After the vote closed, a count changes only by an amendment a supervisor approves; open while the session runs. */
  VOTE_AMENDMENTS("vote-amendments", "表决结果更正", null, null),
  COMPLAINTS("complaints", "信访件", null, null),
  ARCHIVE("archive", "归档材料", null, null, Stage.ARCHIVING);

  private final String anchor;
  private final String title;
  /** Where its list is uploaded, after {@code /api/sessions/{code}/}: the import journal's name for it. */
  private final String list;
  /** Its .xlsx template ({@link ImportTemplates}). */
  private final String template;
  /** The stages in which the section takes data; none means all the time the session runs. */
  private final List<Stage> stages;

  WorkspaceSection(String anchor, String title, String list, String template, Stage... stages) {
    this.anchor = anchor;
    this.title = title;
    this.list = list;
    this.template = template;
    this.stages = List.of(stages);
  }

  public String list() {
    return list;
  }

  public List<Stage> stages() {
    return stages;
  }

  /** The .xlsx template of the list this section takes, or null ({@link ImportTemplates}). */
  public String template() {
    return template;
  }

  public String anchor() {
    return anchor;
  }

  public String title() {
    return title;
  }

  /** 1, 2, 3 … in stage order, as the page numbers its sections. */
  public int number() {
    return ordinal() + 1;
  }

  public static Optional<WorkspaceSection> byAnchor(String anchor) {
    return Arrays.stream(values()).filter(s -> s.anchor.equals(anchor)).findFirst();
  }
}
