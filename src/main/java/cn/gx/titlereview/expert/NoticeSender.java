package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices of a session's links that have none yet, after the transaction that issued them committed: over
 * every channel that reaches the expert, each attempt and its outcome in the contact log; an expert no channel
 * reached goes on the call list (待电话通知). A link is claimed before its notice goes, so that it goes once. Nothing
 * here is held in a transaction while a gateway answers.
 */
@Component
class NoticeSender {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);

  private final ExpertLinkRepository links;
  private final OneTimeLinks oneTimeLinks;
  private final SessionRepository sessions;
  private final RosterRepository roster;
  private final List<NoticeChannel> channels;
  private final ContactLog contacts;
  private final NoticeTexts texts;
  private final ExpertSettings settings;
  private final Clock clock;
  private final TransactionTemplate own;

  NoticeSender(ExpertLinkRepository links, OneTimeLinks oneTimeLinks, SessionRepository sessions,
      RosterRepository roster, List<NoticeChannel> channels, ContactLog contacts, NoticeTexts texts,
      ExpertSettings settings, Clock clock, PlatformTransactionManager transactions) {
    this.links = links;
    this.oneTimeLinks = oneTimeLinks;
    this.sessions = sessions;
    this.roster = roster;
    this.channels = channels;
    this.contacts = contacts;
    this.texts = texts;
    this.settings = settings;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sends every notice of the session not sent yet. */
  void dispatchPending(long sessionId) {
    List<ExpertLink> pending = own.execute(status -> links.undispatched(sessionId));
    if (pending.isEmpty()) {
      return;
    }
    ReviewSession session = sessions.get(sessionId);
    Map<Long, RosterRepository.Contact> people = own.execute(status -> roster.contacts(sessionId,
        pending.stream().map(ExpertLink::expertId).distinct().toList())).stream()
        .collect(Collectors.toMap(RosterRepository.Contact::expertId, Function.identity()));
    for (ExpertLink link : pending) {
      Instant now = clock.instant();
      if (Boolean.TRUE.equals(own.execute(status -> links.claimDispatch(link.id(), now)))) {
        send(session, link, people.get(link.expertId()), now);
      }
    }
  }

  private void send(ReviewSession session, ExpertLink link, RosterRepository.Contact to, Instant now) {
    Instant expires = oneTimeLinks.expiresAt(session);
    if (!now.isBefore(expires)) {
      record(session, link, ContactLog.Channel.PHONE, ContactLog.Outcome.TO_CALL, "链接有效期已于 "
          + PlatformConfig.MINUTES.format(expires) + " 届满，未发送链接；请电话通知，或调整本评审会的链接有效期后重新发送", null);
      return;
    }
    Instant answerBy = now.plus(settings.replyWithin()).isBefore(expires) ? now.plus(settings.replyWithin()) : expires;
    String url = texts.url(oneTimeLinks.token(link));
    Notice notice = new Notice(to, texts.subject(link.purpose()), texts.text(session, link.purpose(), url, answerBy),
        url, UUID.randomUUID().toString());
    boolean delivered = false;
    for (NoticeChannel channel : channels) {
      if (!channel.reaches(to)) {
        continue;
      }
      try {
        channel.send(notice);
        record(session, link, channel.channel(), ContactLog.Outcome.SENT, "发往" + channel.address(to),
            channel.keepsText() ? notice.text() : null);
        delivered = true;
      } catch (NoticeChannel.DeliveryFailed e) {
        LOG.warn("Notice to expert {} of session {} by {} failed: {}", to.expertCode(), session.code(),
            channel.channel(), e.getMessage());
        record(session, link, channel.channel(), ContactLog.Outcome.FAILED, e.getMessage() + "；" + channel.address(to),
            null);
      }
    }
    if (!delivered) {
      record(session, link, ContactLog.Channel.PHONE, ContactLog.Outcome.TO_CALL,
          "短信、邮件均未送达（未配置或发送失败），请工作人员电话通知（见电话通知单）", null);
    }
  }

  private void record(ReviewSession session, ExpertLink link, ContactLog.Channel channel, ContactLog.Outcome outcome,
      String detail, String text) {
    own.executeWithoutResult(status -> contacts.add(session.id(), link.expertId(), link, channel, outcome, detail,
        text, null, clock.instant()));
  }
}
