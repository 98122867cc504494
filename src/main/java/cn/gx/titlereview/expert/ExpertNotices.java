package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertsAnswered;
import cn.gx.titlereview.draw.ExpertsCalled;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.review.ReviewGroupsFormed;
import cn.gx.titlereview.training.PledgeRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When each expert gets which link: 出席确认 when he is called (a member at the draw, a reserve when promoted);
 * 工作守则确认 once he attends; 回避申报 once the review groups are formed. The links are issued in the transaction
 * that calls for them, their notices sent after it commits ({@link NoticeSender}). An answer staff type in closes the
 * expert's 出席确认 link, and goes into the contact log as 工作人员代填.
 */
@Component
class ExpertNotices {

  /** Links were issued in the current transaction; their notices go after it commits. */
  record LinksIssued(long sessionId) {
  }

  private final OneTimeLinks oneTimeLinks;
  private final ExpertLinkRepository links;
  private final ContactLog contacts;
  private final PledgeRepository pledges;
  private final RecusalDeclarations declarations;
  private final NoticeSender sender;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ExpertNotices(OneTimeLinks oneTimeLinks, ExpertLinkRepository links, ContactLog contacts, PledgeRepository pledges,
      RecusalDeclarations declarations, NoticeSender sender, ApplicationEventPublisher events, Clock clock) {
    this.oneTimeLinks = oneTimeLinks;
    this.links = links;
    this.contacts = contacts;
    this.pledges = pledges;
    this.declarations = declarations;
    this.sender = sender;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void called(ExpertsCalled called) {
    issue(called.sessionId(), called.expertIds(), LinkPurpose.ATTEND);
  }

  @EventListener
  void answered(ExpertsAnswered answered) {
    long sessionId = answered.sessionId();
    List<ExpertLink> all = links.ofSession(sessionId);
    for (ExpertsAnswered.Answer a : answered.answers()) {
      if (DrawnExpert.BY_STAFF.equals(a.source())) {
        contacts.add(sessionId, a.expertId(), null, ContactLog.Channel.STAFF, ContactLog.Outcome.ANSWERED,
            "工作人员代填：" + (a.accepted() ? "出席" : "不出席"), null, a.recordedBy(), clock.instant());
        all.stream().filter(l -> l.expertId() == a.expertId() && l.purpose() == LinkPurpose.ATTEND && l.open())
            .forEach(l -> revoke(l, a.recordedBy(), "答复已由工作人员登记，出席确认链接停用"));
      }
    }
    Set<Long> pledged = pledges.expertsWhoSigned(sessionId);
    issue(sessionId, answered.answers().stream().filter(ExpertsAnswered.Answer::accepted)
        .map(ExpertsAnswered.Answer::expertId).filter(id -> !pledged.contains(id)).toList(), LinkPurpose.PLEDGE);
  }

  @EventListener
  void groupsFormed(ReviewGroupsFormed formed) {
    Set<Long> declared = declarations.bySession(formed.sessionId()).keySet();
    issue(formed.sessionId(), formed.memberIds().stream().filter(id -> !declared.contains(id)).sorted().toList(),
        LinkPurpose.RECUSAL);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void send(LinksIssued issued) {
    sender.dispatchPending(issued.sessionId());
  }

  /** A link for each expert who has none for the purpose yet (used, open or revoked by an answer: one is enough). */
  void issue(long sessionId, Collection<Long> expertIds, LinkPurpose purpose) {
    Set<Long> holding = links.ofSession(sessionId).stream()
        .filter(l -> l.purpose() == purpose && (l.open() || l.used())).map(ExpertLink::expertId)
        .collect(Collectors.toSet());
    boolean any = false;
    for (Long expertId : expertIds) {
      if (!holding.contains(expertId)) {
        oneTimeLinks.issue(sessionId, expertId, purpose);
        any = true;
      }
    }
    if (any) {
      events.publishEvent(new LinksIssued(sessionId));
    }
  }

  /** Staff send a new link for the purpose: any open one is revoked first, so only the newest works. */
  ExpertLink reissue(long sessionId, long expertId, LinkPurpose purpose, String user) {
    links.ofSession(sessionId).stream().filter(l -> l.expertId() == expertId && l.purpose() == purpose && l.open())
        .forEach(l -> revoke(l, user, "工作人员重新发送，旧链接停用"));
    ExpertLink link = oneTimeLinks.issue(sessionId, expertId, purpose);
    events.publishEvent(new LinksIssued(sessionId));
    return link;
  }

  void revoke(ExpertLink link, String user, String why) {
    if (links.revoke(link.id(), user, clock.instant())) {
      contacts.add(link.sessionId(), link.expertId(), link, ContactLog.Channel.LINK, ContactLog.Outcome.REVOKED, why,
          null, user, clock.instant());
    }
  }
}
