package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.training.PledgeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do with the links: revoke one, send a new one, set until when the session's links work, log a call. */
@Service
class StaffLinkActions {

  private final ExpertLinkRepository links;
  private final ExpertNotices notices;
  private final OneTimeLinks oneTimeLinks;
  private final ContactLog contacts;
  private final ExpertDrawService drawService;
  private final RecusalDeclarations declarations;
  private final PledgeRepository pledges;
  private final Clock clock;

  StaffLinkActions(ExpertLinkRepository links, ExpertNotices notices, OneTimeLinks oneTimeLinks, ContactLog contacts,
      ExpertDrawService drawService, RecusalDeclarations declarations, PledgeRepository pledges, Clock clock) {
    this.links = links;
    this.notices = notices;
    this.oneTimeLinks = oneTimeLinks;
    this.contacts = contacts;
    this.drawService = drawService;
    this.declarations = declarations;
    this.pledges = pledges;
    this.clock = clock;
  }

  @Transactional
  public void revoke(ReviewSession session, String linkId, String user) {
    ExpertLink link = links.find(linkId).filter(l -> l.sessionId() == session.id())
        .orElseThrow(() -> BusinessException.notFound("评审会 " + session.code() + " 没有链接 " + linkId));
    if (!link.open()) {
      throw BusinessException.conflict("链接 " + linkId + (link.used() ? " 已答复，不能停用" : " 已停用"));
    }
    notices.revoke(link, user, "工作人员停用链接");
  }

  /** A new link (and its notice) for the expert and purpose; an open one is revoked first. */
  @Transactional
  public ExpertLink reissue(ReviewSession session, String expertCode, String purposeName, String user) {
    LinkPurpose purpose;
    try {
      purpose = LinkPurpose.valueOf(purposeName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BusinessException.badRequest("「purpose」须为 ATTEND（出席确认）、RECUSAL（回避申报）或 PLEDGE（工作守则确认）");
    }
    DrawnExpert expert = drawService.drawn(session.id()).stream().filter(d -> d.expertCode().equals(expertCode))
        .findFirst().orElseThrow(() -> BusinessException.notFound(expertCode + " 不在评审会 " + session.code()
            + " 的抽取结果中"));
    String refusal = switch (purpose) {
      case ATTEND -> !DrawnExpert.MEMBER.equals(expert.role()) ? "是候补，尚未递补为评委"
          : expert.response() != null ? "已答复是否出席" : null;
      case RECUSAL -> !expert.attending() ? "不是确认出席的评委"
          : declarations.bySession(session.id()).containsKey(expert.expertId())
              && declarations.bySession(session.id()).get(expert.expertId()).byExpert() ? "已由本人申报回避情况" : null;
      case PLEDGE -> !expert.attending() ? "不是确认出席的评委"
          : pledges.expertPledges(session.id()).stream()
              .anyMatch(p -> p.expertId() == expert.expertId() && p.online()) ? "已由本人确认工作守则" : null;
    };
    if (refusal != null) {
      throw BusinessException.conflict(expertCode + " " + refusal + "，不需" + purpose.title() + "链接");
    }
    return notices.reissue(session.id(), expert.expertId(), purpose, user);
  }

  /** Until when the session's links work; not in the past, not after the review's last day. */
  @Transactional
  public Instant setExpiry(ReviewSession session, LocalDateTime expiresAt, String user) {
    if (expiresAt == null) {
      throw BusinessException.badRequest("「expiresAt」须为时间，例：2026-06-03 12:00");
    }
    Instant at = expiresAt.atZone(PlatformConfig.ZONE).toInstant();
    Instant reviewEnds = session.plannedReviewEnd().plusDays(1).atStartOfDay(PlatformConfig.ZONE).toInstant();
    if (!at.isAfter(clock.instant())) {
      throw BusinessException.badRequest("「expiresAt」" + PlatformConfig.MINUTES.format(at) + " 已过去");
    }
    if (at.isAfter(reviewEnds)) {
      throw BusinessException.badRequest("「expiresAt」不能晚于评审结束（" + session.plannedReviewEnd() + " 24:00）");
    }
    links.setExpiry(session.id(), at, user, clock.instant());
    return oneTimeLinks.expiresAt(session);
  }

  /** A telephone call staff made to an expert: reached or not, and what was said. */
  @Transactional
  public ContactLog.Entry recordCall(ReviewSession session, String expertCode, boolean reached, String note,
      String user) {
    DrawnExpert expert = drawService.drawn(session.id()).stream().filter(d -> d.expertCode().equals(expertCode))
        .findFirst().orElseThrow(() -> BusinessException.badRequest("「expertCode」" + expertCode
            + " 不在评审会 " + session.code() + " 的抽取结果中"));
    if (note != null && note.length() > 500) {
      throw BusinessException.badRequest("「note」不能超过 500 字");
    }
    Instant now = clock.instant();
    contacts.add(session.id(), expert.expertId(), null, ContactLog.Channel.PHONE,
        reached ? ContactLog.Outcome.REACHED : ContactLog.Outcome.NOT_REACHED, note, null, user, now);
    return contacts.entries(session.id()).stream().reduce((a, b) -> b).orElseThrow();
  }
}
