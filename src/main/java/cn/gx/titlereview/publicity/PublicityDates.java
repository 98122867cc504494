package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
    return check(session, round, start, () -> publicity.round(session.id(), round - 1));
  }

  /** Both rounds as recorded ({@link PublicityRepository#rounds}). */
  public List<Violation> check(ReviewSession session, Map<Integer, PublicityRound> rounds) {
    List<Violation> violations = new ArrayList<>();
    rounds.values().stream().sorted(Comparator.comparingInt(PublicityRound::round)).forEach(r -> violations.addAll(
        check(session, r.round(), r.startDate(), () -> Optional.ofNullable(rounds.get(r.round() - 1)))));
    return violations;
  }

  private List<Violation> check(ReviewSession session, int round, LocalDate start,
      Supplier<Optional<PublicityRound>> previousRound) {
    String subject = "第" + round + "次公示（" + start + " 起）";
    Instant opens = start.atStartOfDay(PlatformConfig.ZONE).toInstant();
    List<Violation> violations = new ArrayList<>();
    if (round == 1) {
      reviewTimes.reviewEnded(session.id()).filter(opens::isBefore).ifPresent(ended -> violations.add(
          new Violation(RULE, subject, "早于评审结束时间 " + PlatformConfig.MINUTES.format(ended))));
      rechecks.lastRecheckRecorded(session.id()).filter(opens::isBefore).ifPresent(at -> violations.add(
          new Violation(RULE, subject, "早于两人复核完成时间 " + PlatformConfig.MINUTES.format(at))));
    } else {
      Optional<PublicityRound> previous = previousRound.get();
      if (previous.isEmpty()) {
        violations.add(new Violation(RULE, subject, "第" + (round - 1) + "次公示尚未发布"));
      } else if (!start.isAfter(previous.get().endDate())) {
        violations.add(new Violation(RULE, subject, "应晚于第" + (round - 1) + "次公示的结束日期 "
            + previous.get().endDate()));
      }
    }
    return violations;
  }
}
