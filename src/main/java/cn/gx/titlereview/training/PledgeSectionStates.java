package cn.gx.titlereview.training;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 附件2's section: the experts who signed, how many confirmed themselves online, the scans kept. */
@Component
class PledgeSectionStates implements SectionStates {

  private final PledgeRepository pledges;

  PledgeSectionStates(PledgeRepository pledges) {
    this.pledges = pledges;
  }

  @Override
  public Set<String> sections() {
    return Set.of("expert-pledges");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    long id = session.id();
    return List.of("已登记签署工作守则的评委 " + pledges.expertsWhoSigned(id).size() + " 人（本人通过链接确认 "
        + pledges.expertPledges(id).stream().filter(PledgeRepository.ExpertPledge::online).count() + " 人），已上传签字页 "
        + pledges.scans(id).size() + " 份");
  }
}
