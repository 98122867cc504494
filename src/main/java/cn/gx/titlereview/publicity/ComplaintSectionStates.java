package cn.gx.titlereview.publicity;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The complaints' section: how many were registered and how many still wait for verification. */
@Component
class ComplaintSectionStates implements SectionStates {

  private final PublicityRepository publicity;

  ComplaintSectionStates(PublicityRepository publicity) {
    this.publicity = publicity;
  }

  @Override
  public Set<String> sections() {
    return Set.of("complaints");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    var complaints = publicity.complaints(session.id());
    long unverified = complaints.stream().filter(c -> !c.verified()).count();
    return List.of("已登记信访件 " + complaints.size() + " 件" + (unverified > 0 ? "，待核查 " + unverified + " 件" : ""));
  }
}
