package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.library.Contacts;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.training.PledgeRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What staff see of the experts' replies as they come, per drawn expert: notified, read, attended or declined (and
 * whether he said so himself or staff typed it in), declared, 附件2 confirmed; and who must be telephoned — an expert
 * whom no notice reached, or whose answer is overdue ({@code titlereview.experts.reply-within} after his notice).
 */
@Component
class ExpertReplies {

  /** One link as staff see it. */
  record LinkView(String id, String purpose, String state, Instant issuedAt) {
  }

  /** One drawn expert's replies; names are confidential, for the session's staff and the supervisors. */
  record Reply(String expertCode, String name, String specialty, int drawOrder, String role, String notified,
      Instant readAt, String attendance, String recusal, String pledge, List<String> overdue,
      List<LinkView> links) {
  }

  /** Someone staff should telephone, with why. */
  record Call(String expertCode, String name, String specialty, String phone, List<String> why) {
  }

  private final ExpertDrawService drawService;
  private final ExpertLinkRepository links;
  private final ContactLog contacts;
  private final RecusalDeclarations declarations;
  private final PledgeRepository pledges;
  private final RosterRepository roster;
  private final ExpertSettings settings;
  private final Clock clock;

  ExpertReplies(ExpertDrawService drawService, ExpertLinkRepository links, ContactLog contacts,
      RecusalDeclarations declarations, PledgeRepository pledges, RosterRepository roster, ExpertSettings settings,
      Clock clock) {
    this.drawService = drawService;
    this.links = links;
    this.contacts = contacts;
    this.declarations = declarations;
    this.pledges = pledges;
    this.roster = roster;
    this.settings = settings;
    this.clock = clock;
  }

  /** Every drawn expert, members before reserves, in the order of the draw within each specialty. */
  List<Reply> replies(ReviewSession session) {
    Facts facts = facts(session);
    return facts.drawn().stream().map(d -> reply(d, facts)).toList();
  }

  /**
   * Whom to telephone now: members whose notice reached them by no channel, or whose answer is overdue; the numbers
   * whole for the session's staff who call ({@code whole}), masked for everyone else.
   */
  List<Call> callList(ReviewSession session, boolean whole) {
    Facts facts = facts(session);
    Map<Long, RosterRepository.Contact> people = roster.contacts(session.id(),
        facts.drawn().stream().map(DrawnExpert::expertId).toList()).stream()
        .collect(Collectors.toMap(RosterRepository.Contact::expertId, Function.identity()));
    List<Call> calls = new ArrayList<>();
    for (DrawnExpert d : facts.drawn()) {
      List<String> why = overdue(d, facts);
      if (!why.isEmpty()) {
        RosterRepository.Contact c = people.get(d.expertId());
        calls.add(new Call(d.expertCode(), d.name(), d.specialty(),
            c == null ? null : whole ? c.phone() : Contacts.maskPhone(c.phone()), why));
      }
    }
    return calls;
  }

  /** What the audit trail says of a read of the call list. */
  static String callListRead(boolean whole) {
    return whole ? "电话通知单（含姓名和完整电话）" : "电话通知单（含姓名，电话已遮蔽）";
  }

  private record Facts(List<DrawnExpert> drawn, Map<Long, List<ExpertLink>> links,
      Map<String, List<ContactLog.Entry>> contactsByLink, Map<Long, RecusalDeclarations.Declaration> declared,
      Map<Long, PledgeRepository.ExpertPledge> pledged, Instant now) {
  }

  private Facts facts(ReviewSession session) {
    List<DrawnExpert> drawn = drawService.drawn(session.id()).stream()
        .sorted(Comparator.comparing((DrawnExpert d) -> !DrawnExpert.MEMBER.equals(d.role()))
            .thenComparing(DrawnExpert::specialty).thenComparingInt(DrawnExpert::drawOrder))
        .toList();
    return new Facts(drawn, links.ofSession(session.id()).stream().collect(Collectors.groupingBy(ExpertLink::expertId)),
        contacts.entries(session.id()).stream().filter(e -> e.linkId() != null)
            .collect(Collectors.groupingBy(ContactLog.Entry::linkId)),
        declarations.bySession(session.id()),
        pledges.expertPledges(session.id()).stream()
            .collect(Collectors.toMap(PledgeRepository.ExpertPledge::expertId, Function.identity())),
        clock.instant());
  }

  private Reply reply(DrawnExpert d, Facts facts) {
    List<ExpertLink> his = facts.links().getOrDefault(d.expertId(), List.of());
    Optional<ContactLog.Entry> firstSent = his.stream().filter(l -> l.purpose() == LinkPurpose.ATTEND)
        .flatMap(l -> facts.contactsByLink().getOrDefault(l.id(), List.of()).stream())
        .filter(e -> e.outcome() == ContactLog.Outcome.SENT).min(Comparator.comparing(ContactLog.Entry::at));
    String notified = firstSent.map(e -> e.channelName() + " " + PlatformConfig.MINUTES.format(e.at()))
        .orElse(his.stream().anyMatch(l -> l.purpose() == LinkPurpose.ATTEND) ? "未送达，待电话通知"
            : DrawnExpert.MEMBER.equals(d.role()) ? "未通知" : "候补，未递补");
    Instant read = his.stream().map(ExpertLink::firstOpenedAt).filter(t -> t != null).min(Comparator.naturalOrder())
        .orElse(null);
    String attendance = d.response() == null ? (DrawnExpert.MEMBER.equals(d.role()) ? "未答复" : "—")
        : (d.attending() ? "出席" : "不出席：" + d.declineReason()) + (d.answeredHimself() ? "（本人）" : "（工作人员代填）");
    RecusalDeclarations.Declaration declaration = facts.declared().get(d.expertId());
    String recusal = declaration != null ? declaration.describe() : d.attending() ? "未申报" : "—";
    PledgeRepository.ExpertPledge pledge = facts.pledged().get(d.expertId());
    String pledged = pledge != null ? (pledge.online() ? "本人确认 " + PlatformConfig.MINUTES.format(pledge.recordedAt())
        : "纸质签字" + (pledge.scanSha256() == null ? "" : "（有扫描件）")) : d.attending() ? "未确认" : "—";
    return new Reply(d.expertCode(), d.name(), d.specialty(), d.drawOrder(),
        DrawnExpert.MEMBER.equals(d.role()) ? (d.replacesExpertCode() == null ? "评委" : "评委（递补 "
            + d.replacesExpertCode() + "）") : "候补",
        notified, read, attendance, recusal, pledged, overdue(d, facts),
        his.stream().map(l -> new LinkView(l.id(), l.purpose().title(), state(l, facts.now()), l.issuedAt()))
            .toList());
  }

  /**
   * What is missing from the expert and must be chased: 出席确认 from a member who has not answered, 回避申报 from a
   * group member who has not declared; each when its notice reached him by no channel, or reached him longer than
   * reply-within ago. 附件2 is not chased: the paper sheet at the training stands behind it.
   */
  private List<String> overdue(DrawnExpert d, Facts facts) {
    List<String> why = new ArrayList<>();
    for (ExpertLink link : facts.links().getOrDefault(d.expertId(), List.of())) {
      boolean missing = switch (link.purpose()) {
        case ATTEND -> DrawnExpert.MEMBER.equals(d.role()) && d.response() == null;
        case RECUSAL -> d.attending() && !facts.declared().containsKey(d.expertId());
        case PLEDGE -> false;
      };
      if (!missing || !link.open()) {
        continue;
      }
      List<ContactLog.Entry> sent = facts.contactsByLink().getOrDefault(link.id(), List.of()).stream()
          .filter(e -> e.outcome() == ContactLog.Outcome.SENT).toList();
      if (link.dispatchedAt() != null && sent.isEmpty()) {
        why.add(link.purpose().title() + "：通知未送达");
      } else if (!sent.isEmpty() && sent.get(0).at().plus(settings.replyWithin()).isBefore(facts.now())) {
        why.add(link.purpose().title() + "：" + PlatformConfig.MINUTES.format(sent.get(0).at()) + " 通知，逾期未答复");
      }
    }
    return why;
  }

  private static String state(ExpertLink link, Instant now) {
    if (link.used()) {
      return "已答复 " + PlatformConfig.MINUTES.format(link.usedAt());
    }
    if (link.revoked()) {
      return "已停用";
    }
    return link.firstOpenedAt() != null ? "已打开，未答复" : link.dispatchedAt() != null ? "已发出" : "待发出";
  }
}
