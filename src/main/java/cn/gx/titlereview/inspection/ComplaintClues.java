package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * 信访线索: when the complaints about one intermediate or junior committee in a review year reach a threshold
 * ({@code titlereview.inspection.complaint-threshold}, default 3), the system proposes an on-site inspection
 * (实地监督管理, which 监管方案 三（二） provides for 中初级评委会, by the 自治区职改办) to the region's office: it starts
 * {@code Inspection} at its message start event. It proposes once, when the count reaches the threshold; the
 * office's approver decides.
 */
@Component
public class ComplaintClues {

  public static final String MESSAGE = "Message_ComplaintThresholdReached";

  private final InspectionRepository inspections;
  private final Jurisdiction jurisdiction;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final int threshold;

  public ComplaintClues(InspectionRepository inspections, Jurisdiction jurisdiction, RuntimeService runtimeService,
      SystemAuthority system, ReviewRules rules) {
    this.inspections = inspections;
    this.jurisdiction = jurisdiction;
    this.runtimeService = runtimeService;
    this.system = system;
    this.threshold = rules.inspection().complaintThreshold();
  }

  public void onComplaint(ReviewSession session) {
    if (!session.intermediateOrJunior()) {
      return;
    }
    int count = inspections.complaintsAbout(session.committeeId(), session.reviewYear());
    if (count != threshold) {
      return;
    }
    String clue = "评委会“" + session.committeeName() + "” " + session.reviewYear() + " 年度已收到信访件 " + count
        + " 件，达到 " + threshold + " 件的提示线";
    String committeeCode = jurisdiction.region().committee(session.committeeId()).code();
    system.run(() -> runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey("实地监督-" + committeeCode + "-" + session.reviewYear())
        .setVariables(Map.of("committeeCode", committeeCode, "committeeName", session.committeeName(),
            "complaintClue", clue, "inspectionTitle", "实地监督管理建议：" + clue))
        .correlateStartMessage());
  }
}
