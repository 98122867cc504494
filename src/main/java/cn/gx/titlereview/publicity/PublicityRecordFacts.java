package cn.gx.titlereview.publicity;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.calendar.MissingCalendarYearException;
import cn.gx.titlereview.publicity.PublicityRepository.Complaint;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.region.ReviewRules;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import cn.gx.titlereview.workflow.gate.GateResult;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** 附件1 评审结束·公示情况: two rounds, their length in working days, and the complaints with how they were verified. */
@Component
class PublicityRecordFacts implements RecordContribution {

  private final PublicityRepository publicity;
  private final PublicityPeriod period;
  private final PublicityDates dates;
  private final GateResultRepository gateResults;

  PublicityRecordFacts(PublicityRepository publicity, PublicityPeriod period, PublicityDates dates,
      GateResultRepository gateResults) {
    this.publicity = publicity;
    this.period = period;
    this.dates = dates;
    this.gateResults = gateResults;
  }

  @Override
  public Set<String> keys() {
    return Set.of("publicity.twoRounds", "publicity.duration", "publicity.complaints");
  }

  @Override
  public Map<String, Answer> facts(SessionReading reading) {
    ReviewSession session = reading.session();
    Map<String, GateResult> gates = GateResultRepository.latestOf(gateResults.history(reading));
    Map<Integer, PublicityRound> rounds = publicity.rounds(session.id());
    Optional<PublicityRound> first = Optional.ofNullable(rounds.get(1));
    Optional<PublicityRound> second = Optional.ofNullable(rounds.get(2));
    GateResult firstGate = gates.get("publicity-1");
    GateResult secondGate = gates.get("publicity-2");
    List<Violation> implausible = dates.check(session, rounds);
    Map<String, Answer> facts = new HashMap<>();
    facts.put("publicity.twoRounds", firstGate == null || secondGate == null ? Answer.notReached("两轮公示尚未结束")
        : Answer.yesNo(firstGate.passed() && secondGate.passed() && implausible.isEmpty(), period(first) + "；"
            + period(second) + implausible.stream().map(v -> "；" + v.describe()).collect(Collectors.joining())));
    facts.put("publicity.duration", duration(first, second));
    facts.put("publicity.complaints", complaints(publicity.complaints(session.id()), first, second));
    return facts;
  }

  private Answer duration(Optional<PublicityRound> first, Optional<PublicityRound> second) {
    if (first.isEmpty() || second.isEmpty()) {
      return Answer.notReached("两轮公示尚未发布");
    }
    try {
      int shortest = Math.min(period.workingDays(first.get().startDate(), first.get().endDate()),
          period.workingDays(second.get().startDate(), second.get().endDate()));
      return Answer.yesNo(shortest >= ReviewRules.Publicity.STATUTORY_MIN_WORKING_DAYS,
          "较短一轮为 " + shortest + " 个工作日（不含周末和法定节假日，按工作日历计算）");
    } catch (MissingCalendarYearException e) {
      return Answer.notReached(e.getMessage());
    }
  }

  private static Answer complaints(List<Complaint> complaints, Optional<PublicityRound> first,
      Optional<PublicityRound> second) {
    long verified = complaints.stream().filter(Complaint::verified).count();
    String channels = "投诉举报渠道：" + Stream.of(first, second).flatMap(Optional::stream)
        .map(r -> "第" + r.round() + "次（" + r.startDate() + " 至 " + r.endDate() + "）" + r.channel())
        .collect(Collectors.joining("；"));
    return first.isEmpty() && complaints.isEmpty() ? Answer.notReached("尚未发布公示")
        : Answer.of(complaints.size() + "/" + verified, complaints.isEmpty()
            ? "公示期间未收到信访件（登记的信访件为 0 件）；" + channels
            : complaints.stream().map(c -> "信访件 " + c.id() + "（" + c.channel() + "，" + MINUTES.format(c.receivedAt())
                + " 收到）" + (c.verified()
                ? "：" + (Boolean.TRUE.equals(c.substantiated()) ? "属实" : "不属实") + "，" + c.verifiedBy() + " 核查"
                : "：未核查")).collect(Collectors.joining("；")) + "；" + channels);
  }

  private static String period(Optional<PublicityRound> round) {
    return round.map(r -> "第" + r.round() + "次 " + r.startDate() + " 至 " + r.endDate()).orElse("未发布");
  }
}
