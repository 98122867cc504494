package cn.gx.titlereview.workflow;

import cn.gx.titlereview.session.ReviewSession;
import java.util.List;
import java.util.Set;

/**
 * What the sections of the 数据工作台 whose data a stage keeps hold now, in a civil servant's words: counts, who
 * imported what and when, what is still missing. Each stage contributes its own sections, as it contributes its
 * gates and archive documents, so that the workspace assembles them without knowing any stage.
 */
public interface SectionStates {

  /** The sections described here, by their anchors on the 数据工作台 ({@code "applicants"}). */
  Set<String> sections();

  /** The section's state, one fact a line. */
  List<String> describe(String section, ReviewSession session);
}
