package cn.gx.titlereview.workspace;

import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a section of the 数据工作台 holds now, in a civil servant's words, shown at the top of each data task's form
 * and on the page itself. Each stage describes its own sections ({@link SectionStates}); the staff section, which
 * belongs to no stage, is described here. A section nobody describes, or two describe, stops the start.
 */
@Component
class DataState {

  private final Map<String, SectionStates> bySection = new HashMap<>();
  private final SessionRepository sessions;
  private final PersonNames names;

  DataState(List<SectionStates> contributions, SessionRepository sessions, PersonNames names) {
    this.sessions = sessions;
    this.names = names;
    for (SectionStates contribution : contributions) {
      for (String section : contribution.sections()) {
        SectionStates other = bySection.put(section, contribution);
        if (other != null) {
          throw new IllegalStateException("Section " + section + " is described twice: by "
              + other.getClass().getSimpleName() + " and " + contribution.getClass().getSimpleName());
        }
      }
    }
    for (WorkspaceSection section : WorkspaceSection.values()) {
      if (section != WorkspaceSection.STAFF && !bySection.containsKey(section.anchor())) {
        throw new IllegalStateException("No stage describes the workspace section " + section.anchor());
      }
    }
  }

  /** The section's state, one fact a line. */
  public List<String> describe(ReviewSession session, WorkspaceSection section) {
    if (section == WorkspaceSection.STAFF) {
      return List.of("工作人员：" + sessions.staff(session.id()).stream().map(names::label)
          .collect(Collectors.joining("、")));
    }
    return bySection.get(section.anchor()).describe(section.anchor(), session);
  }
}
