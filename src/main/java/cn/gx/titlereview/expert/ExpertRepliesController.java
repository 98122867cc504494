package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The experts' replies and the contact log over the API, for the session's staff and the supervisors; the links'
 * administration for the session's staff.
 */
@RestController
@RequestMapping("/api/sessions/{code}")
class ExpertRepliesController {

  private final SessionAccess access;
  private final ContactLog contacts;
  private final ExpertReplies replies;
  private final StaffLinkActions actions;
  private final OneTimeLinks oneTimeLinks;

  ExpertRepliesController(SessionAccess access, ContactLog contacts, ExpertReplies replies, StaffLinkActions actions,
      OneTimeLinks oneTimeLinks) {
    this.access = access;
    this.contacts = contacts;
    this.replies = replies;
    this.actions = actions;
    this.oneTimeLinks = oneTimeLinks;
  }

  /** 联系记录: one entry per attempt, visit, answer or refused link, with channel, time, outcome and expert code. */
  @GetMapping("/contacts")
  public List<ContactLog.Entry> contacts(@PathVariable String code) {
    return contacts.entries(read(code).id());
  }

  /** A telephone call staff made: {@code {"expertCode", "reached", "note"}}. */
  public record Call(String expertCode, boolean reached, String note) {
  }

  @PostMapping("/contacts")
  public ContactLog.Entry call(@PathVariable String code, @RequestBody Call call) {
    ReviewSession session = access.forStaff(code);
    return actions.recordCall(session, call.expertCode(), call.reached(), call.note(), access.userId());
  }

  /** Per drawn expert: notified, read, attended or declined (and by whom), declared, 附件2; with names. */
  @GetMapping("/expert-replies")
  public List<ExpertReplies.Reply> replies(@PathVariable String code) {
    return replies.replies(access.forConfidential(code, "评委答复情况（含姓名）"));
  }

  /** 电话通知单: whom to telephone now, with the number (whole for the session's staff, else masked) and why. */
  @GetMapping("/expert-replies/call-list")
  public List<ExpertReplies.Call> callList(@PathVariable String code) {
    boolean whole = access.isOnStaff(read(code));
    return replies.callList(access.forConfidential(code, ExpertReplies.callListRead(whole)), whole);
  }

  /** The link is revoked: its expert's answer must come another way (or through a new link). */
  public record Revoked(String linkId) {
  }

  @PostMapping("/expert-links/{id}/revoke")
  public Revoked revoke(@PathVariable String code, @PathVariable String id) {
    actions.revoke(access.forStaff(code), id, access.userId());
    return new Revoked(id);
  }

  /** A new link for one expert: {@code {"purpose": "ATTEND" | "RECUSAL" | "PLEDGE"}}; its notice follows. */
  public record NewLink(String purpose) {
  }

  public record Issued(String expertCode, String linkId, String purpose, Instant issuedAt) {
  }

  @PostMapping("/experts/{expertCode}/links")
  public Issued reissue(@PathVariable String code, @PathVariable String expertCode, @RequestBody NewLink body) {
    ExpertLink link = actions.reissue(access.forStaff(code), expertCode, body.purpose(), access.userId());
    return new Issued(expertCode, link.id(), link.purpose().title(), link.issuedAt());
  }

  /** Until when the session's links work: {@code {"expiresAt": "2026-06-03T12:00"}} (China Standard Time). */
  public record Expiry(LocalDateTime expiresAt) {
  }

  @GetMapping("/expert-links/expiry")
  public Expiry expiry(@PathVariable String code) {
    return new Expiry(LocalDateTime.ofInstant(oneTimeLinks.expiresAt(read(code)), PlatformConfig.ZONE));
  }

  /** A new expiry as typed: {@code "2026-06-03 12:00"} or {@code "2026-06-03T12:00"}. */
  public record NewExpiry(String expiresAt) {
  }

  @PostMapping("/expert-links/expiry")
  public Expiry setExpiry(@PathVariable String code, @RequestBody NewExpiry body) {
    ReviewSession session = access.forStaff(code);
    LocalDateTime typed;
    try {
      typed = body.expiresAt() == null ? null : LocalDateTime.parse(body.expiresAt().strip().replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      typed = null;
    }
    Instant at = actions.setExpiry(session, typed, access.userId());
    return new Expiry(LocalDateTime.ofInstant(at, PlatformConfig.ZONE));
  }

  private ReviewSession read(String code) {
    return access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
  }
}
