package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.review.RecusalService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.training.ExpertPledgeService;
import cn.gx.titlereview.training.ExpertPledgeText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an expert does through his link: open it, then give its one final answer — attend or decline (出席确认),
 * declare his conflicts or none (回避申报), confirm 附件2 (工作守则确认). Each answer spends the link in the same
 * transaction as the answer itself, through the same services staff's imports use; a refused answer spends nothing.
 * Every visit, answer and refusal of a known link goes into the contact log.
 */
@Service
class ExpertSelfService {

  private static final Logger LOG = LoggerFactory.getLogger(ExpertSelfService.class);

  /** A checked link, with its session and the expert as drawn. */
  record Visit(ExpertLink link, ReviewSession session, DrawnExpert expert) {
  }

  private final OneTimeLinks oneTimeLinks;
  private final ExpertLinkRepository links;
  private final LinkThrottle throttle;
  private final ContactLog contacts;
  private final SessionRepository sessions;
  private final ExpertDrawService drawService;
  private final RecusalService recusals;
  private final ExpertPledgeService pledges;
  private final ExpertPledgeText pledgeText;
  private final Clock clock;

  ExpertSelfService(OneTimeLinks oneTimeLinks, ExpertLinkRepository links, LinkThrottle throttle, ContactLog contacts,
      SessionRepository sessions, ExpertDrawService drawService, RecusalService recusals, ExpertPledgeService pledges,
      ExpertPledgeText pledgeText, Clock clock) {
    this.oneTimeLinks = oneTimeLinks;
    this.links = links;
    this.throttle = throttle;
    this.contacts = contacts;
    this.sessions = sessions;
    this.drawService = drawService;
    this.recusals = recusals;
    this.pledges = pledges;
    this.pledgeText = pledgeText;
    this.clock = clock;
  }

  /** Opens the link: rate limits, then its checks; the first visit is noted. */
  @Transactional
  public Visit open(String token, String address) {
    Visit visit = check(token, address);
    if (links.markOpened(visit.link().id(), clock.instant())) {
      contacts.add(visit.session().id(), visit.expert().expertId(), visit.link(), ContactLog.Channel.LINK,
          ContactLog.Outcome.OPENED, "专家首次打开链接", null, null, clock.instant());
    }
    return visit;
  }

  /** 出席确认: a decline promotes the next reserve exactly as staff's import does, and he gets his notice. */
  @Transactional
  public DrawnExpert attend(String token, String address, boolean accepted, String reason) {
    Visit visit = spend(token, address, LinkPurpose.ATTEND);
    ExpertLink link = visit.link();
    Instant notified = link.dispatchedAt() != null ? link.dispatchedAt() : link.issuedAt();
    DrawnExpert answered = drawService.answerForHimself(visit.session(), visit.expert().expertId(), accepted, reason,
        notified);
    answeredBy(visit, accepted ? "本人确认出席" : "本人答复不出席：" + answered.declineReason());
    return answered;
  }

  /** 回避申报: his conflicts by applicant id, or none. */
  @Transactional
  public int declare(String token, String address, Map<Long, RecusalService.Conflict> conflicts) {
    Visit visit = spend(token, address, LinkPurpose.RECUSAL);
    recusals.declareForHimself(visit.session(), visit.expert().expertId(), conflicts, visit.link().id(),
        clock.instant());
    answeredBy(visit, conflicts.isEmpty() ? "本人申报：无须回避的情形" : "本人申报须回避 " + conflicts.size() + " 项");
    return conflicts.size();
  }

  /** 工作守则确认: the text he was shown (its hash), his typed name, the time, the link and the address. */
  @Transactional
  public ExpertPledgeText.Text pledge(String token, String address, String typedName) {
    Visit visit = spend(token, address, LinkPurpose.PLEDGE);
    ExpertPledgeText.Text text = pledgeText.of(visit.session());
    pledges.confirmOnline(visit.session(), visit.expert().expertId(), text, typedName, visit.link().id(), address);
    answeredBy(visit, "本人签名确认工作守则（附件2），文本 SHA-256 " + text.sha256());
    return text;
  }

  /** Whom the expert of this visit is to review (回避申报): name, employer and specialty are all the page shows. */
  List<Applicant> applicants(Visit visit) {
    return recusals.applicantsToDeclare(visit.session(), visit.expert().expertId());
  }

  List<String> categories() {
    return recusals.categories();
  }

  ExpertPledgeText.Text pledgeText(Visit visit) {
    return pledgeText.of(visit.session());
  }

  Instant expiresAt(Visit visit) {
    return oneTimeLinks.expiresAt(visit.session());
  }

  /**
   * Writes a refusal down, in a transaction of its own: the application log always (without the token or the
   * address in full), the contact log where the link is a real one.
   */
  @Transactional
  public void logRefusal(LinkRefusal refusal, String address) {
    ExpertLink link = refusal.link();
    LOG.info("Expert link refused: {} (link {}, address {})", refusal.reason(),
        link == null ? "unknown" : link.id().substring(0, 6) + "…", maskAddress(address));
    if (link != null) {
      contacts.add(link.sessionId(), link.expertId(), link, ContactLog.Channel.LINK, ContactLog.Outcome.REFUSED,
          refusal.reason().title + "（访问地址 " + maskAddress(address) + "）", null, null, clock.instant());
    }
  }

  /**
   * Why the link is refused, in the words for this expert: an 出席确认 link closed because staff entered his answer
   * says so, with the answer's time.
   */
  LinkRefusal explain(LinkRefusal refusal) {
    ExpertLink link = refusal.link();
    if (refusal.reason() != LinkRefusal.Reason.REVOKED || link.purpose() != LinkPurpose.ATTEND) {
      return refusal;
    }
    return drawService.drawn(link.sessionId()).stream()
        .filter(d -> d.expertId() == link.expertId() && d.response() != null && !d.answeredHimself()).findFirst()
        .map(d -> new LinkRefusal(LinkRefusal.Reason.REVOKED, link, "您的答复（" + (d.attending() ? "出席" : "不出席")
            + "）已由工作人员于 " + PlatformConfig.MINUTES.format(d.notifiedAt()) + " 登记，此链接已停用。如有变化，请与工作人员联系。"))
        .orElse(refusal);
  }

  private Visit check(String token, String address) {
    if (!throttle.allowAddress(address)) {
      throw LinkRefusal.tooMany(oneTimeLinks.known(token).orElse(null));
    }
    ExpertLink known = oneTimeLinks.known(token).orElseThrow(() -> LinkRefusal.invalid(null));
    if (!throttle.allowLink(known.id())) {
      throw LinkRefusal.tooMany(known);
    }
    ReviewSession session = sessions.get(known.sessionId());
    ExpertLink link = oneTimeLinks.check(token, session);
    DrawnExpert expert = drawService.drawn(session.id()).stream().filter(d -> d.expertId() == link.expertId())
        .findFirst().orElseThrow(() -> LinkRefusal.invalid(link));
    return new Visit(link, session, expert);
  }

  /** Checks the link for its final answer and spends it; the caller's transaction keeps both or neither. */
  private Visit spend(String token, String address, LinkPurpose purpose) {
    Visit visit = check(token, address);
    if (visit.link().purpose() != purpose) {
      throw LinkRefusal.invalid(visit.link());
    }
    if (!links.markUsed(visit.link().id(), clock.instant())) {
      throw LinkRefusal.used(links.find(visit.link().id()).orElseThrow());
    }
    return visit;
  }

  private void answeredBy(Visit visit, String what) {
    contacts.add(visit.session().id(), visit.expert().expertId(), visit.link(), ContactLog.Channel.LINK,
        ContactLog.Outcome.ANSWERED, what, null, null, clock.instant());
  }

  /** 203.0.113.* or 2001:db8:…: enough to tell addresses apart in the log, not to name a household. */
  static String maskAddress(String address) {
    if (address == null) {
      return "未知";
    }
    int dot = address.lastIndexOf('.');
    if (dot > 0 && !address.contains(":")) {
      return address.substring(0, dot) + ".*";
    }
    int colon = address.indexOf(':', address.indexOf(':') + 1);
    return colon > 0 ? address.substring(0, colon) + ":…" : address;
  }
}
