package cn.gx.titlereview.review;

import cn.gx.titlereview.draw.PanelQuota;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository.Assignment;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 附件1 评审过程·评委培训及评审情况, what the review's data answers: every applicant read by two experts at least. */
@Component
class ReviewRecordFacts implements RecordContribution {

  private final ApplicantRepository applicants;
  private final ReviewRepository reviews;

  ReviewRecordFacts(ApplicantRepository applicants, ReviewRepository reviews) {
    this.applicants = applicants;
    this.reviews = reviews;
  }

  @Override
  public Set<String> keys() {
    return Set.of("review.twoReaders");
  }

  @Override
  public Map<String, Answer> facts(SessionReading reading) {
    Map<Long, Assignment> assignments = reviews.assignments(reading);
    if (assignments.isEmpty()) {
      return Map.of("review.twoReaders", Answer.notReached("尚未分配审阅专家"));
    }
    List<Applicant> eligible = applicants.list(reading).stream().filter(Applicant::eligible).toList();
    long readTwice = eligible.stream().filter(a -> assignments.containsKey(a.id())
        && assignments.get(a.id()).readerIds().size() >= PanelQuota.READERS_PER_APPLICANT).count();
    return Map.of("review.twoReaders", Answer.yesNo(readTwice == eligible.size(),
        eligible.size() + " 名进入评审的申报人中，" + readTwice + " 人有 2 名以上审阅专家"));
  }
}
