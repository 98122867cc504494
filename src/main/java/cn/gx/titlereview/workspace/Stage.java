package cn.gx.titlereview.workspace;

import java.util.Arrays;
import java.util.Optional;

/** The stages of {@code bpmn/TitleReviewSession.bpmn} (its call activities), in their order. */
enum Stage {
  PREPARATION("CallActivity_Preparation", "评审准备"),
  EXPERT_DRAW("CallActivity_ExpertDraw", "专家抽取"),
  TRAINING("CallActivity_TrainingAndPledges", "评前培训与签署"),
  SEALED_REVIEW("CallActivity_SealedReview", "封闭评审"),
  RESULT_RECHECK("CallActivity_ResultRecheck", "结果复核"),
  FIRST_PUBLICITY("CallActivity_FirstPublicity", "第一次公示"),
  SECOND_PUBLICITY("CallActivity_SecondPublicity", "第二次公示"),
  ARCHIVING("CallActivity_Archiving", "归档"),
  RECORD_SIGN_OFF("CallActivity_RecordSignOff", "记录表签字与报送"),
  SPOT_CHECK_RECHECK("CallActivity_SpotCheckRecheck", "抽查发现问题，重新复核");

  private final String activityId;
  private final String title;

  Stage(String activityId, String title) {
    this.activityId = activityId;
    this.title = title;
  }

  public String title() {
    return title;
  }

  public static Optional<Stage> ofActivity(String activityId) {
    return Arrays.stream(values()).filter(s -> s.activityId.equals(activityId)).findFirst();
  }
}
