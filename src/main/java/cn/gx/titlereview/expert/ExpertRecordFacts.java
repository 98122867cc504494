package cn.gx.titlereview.expert;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.training.PledgeRepository;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the experts' one-time links add to 附件1, beside the draw's answers and the supervisor's: who answered and
 * pledged himself, and what the contact log delivered. Only for sessions that used the links: an older record keeps
 * the wording it was signed on.
 */
@Component
class ExpertRecordFacts implements RecordContribution {

  private final ContactLog contacts;
  private final DrawRepository draws;
  private final PledgeRepository pledges;
  private final RecusalDeclarations declarations;

  ExpertRecordFacts(ContactLog contacts, DrawRepository draws, PledgeRepository pledges,
      RecusalDeclarations declarations) {
    this.contacts = contacts;
    this.draws = draws;
    this.pledges = pledges;
    this.declarations = declarations;
  }

  @Override
  public Set<String> keys() {
    return Set.of(BESIDE + "draw.timely", BESIDE + "draw.declinesRecorded", BESIDE + "disciplinePledgesSigned",
        BESIDE + "disciplineRecusalObserved");
  }

  @Override
  public Map<String, Answer> facts(SessionReading reading) {
    long sessionId = reading.session().id();
    if (!contacts.used(sessionId)) {
      return Map.of();
    }
    List<DrawnExpert> drawn = draws.drawn(reading);
    Map<String, Answer> facts = new HashMap<>();
    if (DrawnExpert.allMembersAnswered(drawn)) {
      long himself = drawn.stream().filter(e -> e.response() != null && e.answeredHimself()).count();
      long byStaff = drawn.stream().filter(e -> e.response() != null && !e.answeredHimself()).count();
      facts.put(BESIDE + "draw.timely", Answer.of(null, delivered(sessionId)));
      facts.put(BESIDE + "draw.declinesRecorded", Answer.of(null, "本人答复 " + himself + " 人、工作人员代填 " + byStaff
          + " 人"));
    }
    Set<Long> attending = drawn.stream().filter(DrawnExpert::attending).map(DrawnExpert::expertId)
        .collect(Collectors.toSet());
    if (!attending.isEmpty()) {
      facts.put(BESIDE + "disciplinePledgesSigned", pledged(sessionId, attending));
      facts.put(BESIDE + "disciplineRecusalObserved", declared(sessionId, attending));
    }
    return facts;
  }

  /** 联系记录 in one sentence: how many draw notices each channel delivered, and how many calls reached experts. */
  private String delivered(long sessionId) {
    Map<ContactLog.Channel, Integer> counts = contacts.delivered(sessionId);
    return counts.isEmpty() ? "联系记录中无送达的通知（答复均由工作人员登记）" : "联系记录：" + counts.entrySet().stream()
        .map(e -> e.getKey().title() + switch (e.getKey()) {
          case PHONE -> "接通 " + e.getValue() + " 次";
          case OUTBOX -> " " + e.getValue() + " 条（未实际发送）";
          default -> "送达 " + e.getValue() + " 次";
        })
        .collect(Collectors.joining("、"));
  }

  /** Beside 是否签订遵守专家工作纪律守则 (附件2): each attending expert's pledge, by link with its hash and time, or on paper. */
  private Answer pledged(long sessionId, Set<Long> attending) {
    List<PledgeRepository.ExpertPledge> pledged = pledges.expertPledges(sessionId).stream()
        .filter(p -> attending.contains(p.expertId())).toList();
    List<PledgeRepository.ExpertPledge> online = pledged.stream().filter(PledgeRepository.ExpertPledge::online)
        .toList();
    String texts = online.stream().map(PledgeRepository.ExpertPledge::textSha256).distinct()
        .collect(Collectors.joining("、"));
    String times = online.isEmpty() ? "" : online.size() == 1 ? MINUTES.format(online.get(0).recordedAt())
        : MINUTES.format(online.stream().map(PledgeRepository.ExpertPledge::recordedAt).min(Instant::compareTo)
            .orElseThrow()) + " 至 " + MINUTES.format(online.stream().map(PledgeRepository.ExpertPledge::recordedAt)
            .max(Instant::compareTo).orElseThrow());
    return Answer.of(null, "系统记录：附件2 本人链接确认 " + online.size() + " 人"
        + (online.isEmpty() ? "" : "（" + times + "，文本 SHA-256 " + texts + "）") + "、纸质签字 "
        + (pledged.size() - online.size()) + " 人、未签 " + (attending.size() - pledged.size()) + " 人");
  }

  /** Beside 遇到需要回避的情况，是否主动回避: each attending expert's recusal declaration, his own or typed in by staff. */
  private Answer declared(long sessionId, Set<Long> attending) {
    List<RecusalDeclarations.Declaration> theirs = declarations.bySession(sessionId).values().stream()
        .filter(d -> attending.contains(d.expertId())).toList();
    List<RecusalDeclarations.Declaration> own = theirs.stream().filter(RecusalDeclarations.Declaration::byExpert)
        .toList();
    return Answer.of(null, "系统记录：回避申报本人声明 " + own.size() + " 人（须回避 "
        + own.stream().mapToInt(RecusalDeclarations.Declaration::conflicts).sum() + " 项）、工作人员代填 "
        + (theirs.size() - own.size()) + " 人、未申报 " + (attending.size() - theirs.size()) + " 人");
  }
}
