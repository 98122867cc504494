package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.gate.Violation;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 公示 comes after what it publishes: the first round starts (00:00 of its first day) after the review ended and after
 * both rechecks were recorded; the second starts after the first has ended. Checked when a round is opened and again
 * by the publicity gate, so that a round dated before the review cannot pass.
 */
@Component
public class PublicityDates {

  static final String RULE = "公示在评审和复核之后";

  private final PublicityRepository publicity;
  private final ReviewTimes reviewTimes;
  private final RecheckRepository rechecks;

  public PublicityDates(PublicityRepository publicity, ReviewTimes reviewTimes, RecheckRepository rechecks) {
    this.publicity = publicity;
    this.reviewTimes = reviewTimes;
    this.rechecks = rechecks;
  }

  /** What is wrong with round {@code round} starting on {@code start}; empty when its start is plausible. */
  public List<Violation> check(ReviewSession session, int round, LocalDate start) {
    String subject = "第" + round + "次公示（" + start + " 起）";
    Instant opens = start.atStartOfDay(PlatformConfig.ZONE).toInstant();
    List<Violation> violations = new ArrayList<>();
    if (round == 1) {
      reviewTimes.reviewEnded(session.id()).filter(opens::isBefore).ifPresent(ended -> violations.add(
          new Violation(RULE, subject, "早于评审结束时间 " + PlatformConfig.MINUTES.format(ended))));
      rechecks.lastRecheckRecorded(session.id()).filter(opens::isBefore).ifPresent(at -> violations.add(
          new Violation(RULE, subject, "早于两人复核完成时间 " + PlatformConfig.MINUTES.format(at))));
    } else {
      Optional<PublicityRound> previous = publicity.round(session.id(), round - 1);
      if (previous.isEmpty()) {
        violations.add(new Violation(RULE, subject, "第" + (round - 1) + "次公示尚未发布"));
      } else if (!start.isAfter(previous.get().endDate())) {
        violations.add(new Violation(RULE, subject, "应晚于第" + (round - 1) + "次公示的结束日期 "
            + previous.get().endDate()));
      }
    }
    return violations;
  }

  /** Both rounds as recorded. */
  public List<Violation> check(ReviewSession session) {
    List<Violation> violations = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      int r = round;
      publicity.round(session.id(), round).ifPresent(p -> violations.addAll(check(session, r, p.startDate())));
    }
    return violations;
  }
}
