package cn.gx.titlereview.supervision;

import cn.gx.titlereview.record.RecordForm;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.gate.GateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One session against the supervision plan, as the approving unit sees it. */
record SessionOverview(ReviewSession session, String stage, Instant stageSince, boolean ended,
    List<GateResult> failingGates, List<String> openRectifications, RecordForm.Basics basics,
    String recheckProblemRatio, String complaints, String spotCheck, List<OverdueTask> overdueTasks) {

  /** An open task past its due date: the supervision view lists them per session (催办). */
  public record OverdueTask(String name, Instant due, String assignee) {
  }

  /** How long the session has waited in its stage, e.g. 3 天 4 小时. */
  public String waited(Instant now) {
    if (ended || stageSince == null) {
      return "—";
    }
    Duration d = Duration.between(stageSince, now);
    return d.toDays() > 0 ? d.toDays() + " 天 " + d.toHoursPart() + " 小时"
        : d.toHours() > 0 ? d.toHours() + " 小时 " + d.toMinutesPart() + " 分" : d.toMinutes() + " 分钟";
  }
}
